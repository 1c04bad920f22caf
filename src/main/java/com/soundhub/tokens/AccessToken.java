package com.soundhub.tokens;

import java.time.Instant;

import com.soundhub.accounts.TokenScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's personal access token. Only its hash is stored; the token itself was shown once. */
@Entity
@Table(name = "access_tokens")
public class AccessToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private long memberId;

    @Column(name = "token_hash", nullable = false, unique = true, updatable = false)
    private byte[] tokenHash;

    @Column(nullable = false, length = TokenRules.NAME_MAX_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    private TokenScope scope;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected AccessToken() {
    }

    AccessToken(long memberId, byte[] tokenHash, String name, TokenScope scope, Instant createdAt, Instant expiresAt) {
        this.memberId = memberId;
        this.tokenHash = tokenHash;
        this.name = name;
        this.scope = scope;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long getId() {
        return id;
    }

    public long getMemberId() {
        return memberId;
    }

    public String getName() {
        return name;
    }

    public TokenScope getScope() {
        return scope;
    }

    /** {@code read} or {@code write}, as the page shows it. */
    public String getScopeLabel() {
        return scope.label();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When it stops working; null: never. */
    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** When it was last used, to the minute; null: never. */
    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public boolean isExpired() {
        return !TokenRules.isLive(expiresAt, Instant.now());
    }
}
