/**
 * Turns every failure into a page in the site's layout (or a small JSON body for the API) with a
 * message a person can act on; exception details stay in the log, keyed by the request id.
 */
package com.soundhub.web.errors;
