/**
 * Notifications of likes, comments, replies, follows, messages and invitations to projects. Raised by observing the other
 * features' CDI events, never by those features writing here.
 */
package com.soundhub.notifications;
