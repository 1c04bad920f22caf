/**
 * Mail: messages to members are sent by a job on the durable queue, never inside a request, and
 * retried while the SMTP server is down. Jakarta Mail talks SMTP to whatever the environment names
 * (Amazon SES's SMTP interface in production, an embedded GreenMail server locally and in tests).
 */
package com.soundhub.mail;
