/**
 * Members' public profile pages, which bring together what other features know about a member:
 * their account details and their public recordings.
 */
package com.soundhub.profiles;
