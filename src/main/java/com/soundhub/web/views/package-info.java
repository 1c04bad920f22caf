/** Rendering Thymeleaf pages for Jakarta MVC, made cheap enough for busy pages. */
package com.soundhub.web.views;
