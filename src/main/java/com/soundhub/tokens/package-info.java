/**
 * Personal access tokens for the JSON API ({@code /api/v1}): members create them on their settings
 * page (a name, the scope {@code read} or {@code write}, a lifetime), see each one once, and revoke
 * them; only their SHA-256 is stored. {@link com.soundhub.tokens.TokenIdentityStore} validates the
 * {@code Bearer} tokens that {@code accounts}' authentication mechanism hands it, and
 * {@code DELETE /api/v1/tokens/current} lets a client revoke the token it uses.
 */
package com.soundhub.tokens;
