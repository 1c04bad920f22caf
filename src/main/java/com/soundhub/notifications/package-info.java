/**
 * Notifications of likes, comments, replies, follows and messages. Raised by observing the other
 * features' CDI events, never by those features writing here.
 */
package com.soundhub.notifications;
