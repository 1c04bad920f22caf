/**
 * Direct messages: a conversation between two members, each side's read mark and its own copy
 * (deleting it hides the messages up to then for that member only), the unread count, the pages,
 * and the {@link com.soundhub.messages.MessageSent} event other features react to.
 */
package com.soundhub.messages;
