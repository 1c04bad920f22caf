package com.soundhub.accounts;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A signed-in browser. Only the hash of its token is stored; the token itself is in its cookie. */
@Entity
@Table(name = "member_sessions")
public class MemberSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, unique = true)
    private byte[] tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id")
    private Member member;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private boolean remember;

    @Column(name = "user_agent", length = 300)
    private String userAgent;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    /** When this browser last gave the member's password again, for admin actions that ask for it. */
    @Column(name = "password_confirmed_at")
    private Instant passwordConfirmedAt;

    protected MemberSession() {
    }

    MemberSession(byte[] tokenHash, Member member, boolean remember, Instant now, Duration lifetime,
                  String userAgent, String clientAddress) {
        this.tokenHash = tokenHash;
        this.member = member;
        this.remember = remember;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = now.plus(lifetime);
        this.userAgent = userAgent;
        this.clientAddress = clientAddress;
    }

    public Long getId() {
        return id;
    }

    public Member getMember() {
        return member;
    }

    byte[] getTokenHash() {
        return tokenHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isRemember() {
        return remember;
    }
}
