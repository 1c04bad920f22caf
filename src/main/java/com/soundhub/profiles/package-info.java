/**
 * Members' public profile pages, which bring together what other features know about a member:
 * their account details and their public recordings. Also the members' avatar and banner
 * pictures: turned upright, resized and stored here, their keys recorded through the accounts
 * service.
 */
package com.soundhub.profiles;
