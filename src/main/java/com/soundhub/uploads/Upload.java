package com.soundhub.uploads;

import java.time.Instant;
import java.util.UUID;

import com.soundhub.recordings.Recording;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One file on its way from a member's browser to a playable recording. */
@Entity
@Table(name = "uploads")
public class Upload {

    @Id
    private UUID id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "recording_id", updatable = false)
    private Recording recording;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private UploadState state;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "declared_size", nullable = false)
    private long declaredSize;

    @Column(name = "declared_type", nullable = false, length = 100)
    private String declaredType;

    @Column(name = "object_key", nullable = false, length = 300)
    private String objectKey;

    @Column(name = "incoming_key", length = 300)
    private String incomingKey;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "progress_percent", nullable = false)
    private short progressPercent;

    @Column(length = 500)
    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected Upload() {
    }

    Upload(UUID id, long ownerId, Recording recording, String fileName, long declaredSize, String declaredType,
           String objectKey, String incomingKey, Instant now, Instant expiresAt) {
        this.id = id;
        this.ownerId = ownerId;
        this.recording = recording;
        this.state = UploadState.AWAITING_UPLOAD;
        this.fileName = fileName;
        this.declaredSize = declaredSize;
        this.declaredType = declaredType;
        this.objectKey = objectKey;
        this.incomingKey = incomingKey;
        this.createdAt = now;
        this.updatedAt = now;
        this.expiresAt = expiresAt;
    }

    /**
     * Moves to {@code next}, refusing moves the state machine does not allow.
     *
     * @return the transition, for the history
     */
    UploadTransition moveTo(UploadState next, String detail, Instant now) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("Upload " + id + " cannot go from " + state + " to " + next);
        }
        UploadTransition transition = new UploadTransition(this, state, next, now, detail);
        state = next;
        updatedAt = now;
        if (next == UploadState.PROBING || next == UploadState.UPLOADED) {
            progressPercent = 0;
        }
        if (next == UploadState.READY) {
            progressPercent = 100;
        }
        return transition;
    }

    /** Processing attempt {@code attempt} (1 for the first since the upload was confirmed or retried) begins. */
    void startAttempt(int attempt) {
        attempts = attempt;
    }

    /** Nothing can be left under the incoming key any more: its object is deleted and the slot has expired. */
    void incomingCleared() {
        incomingKey = null;
    }

    void resetAttempts() {
        attempts = 0;
    }

    void explain(String newReason) {
        this.reason = newReason == null ? null : newReason.substring(0, Math.min(newReason.length(), 500));
    }

    public UUID getId() {
        return id;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public Recording getRecording() {
        return recording;
    }

    public UploadState getState() {
        return state;
    }

    public String getFileName() {
        return fileName;
    }

    public long getDeclaredSize() {
        return declaredSize;
    }

    public String getDeclaredType() {
        return declaredType;
    }

    /** Where the original is kept once confirmed; no presigned URL writes here. */
    public String getObjectKey() {
        return objectKey;
    }

    /**
     * Where the slot's presigned URL puts the file, while something may be left there; slots made
     * before incoming keys existed wrote {@link #getObjectKey()} directly and have none.
     */
    public String getIncomingKey() {
        return incomingKey;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getProgressPercent() {
        return progressPercent;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
