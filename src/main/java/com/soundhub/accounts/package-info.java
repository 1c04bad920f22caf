/**
 * Members and their accounts: sign-up, sign-in and sign-out, profiles and settings, password
 * hashing, sign-in throttling, and the database-backed sessions Jakarta Security authenticates
 * every request from.
 */
package com.soundhub.accounts;
