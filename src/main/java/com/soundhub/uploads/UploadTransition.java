package com.soundhub.uploads;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One step in an upload's history. */
@Entity
@Table(name = "upload_transitions")
public class UploadTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "upload_id", updatable = false)
    private Upload upload;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 20)
    private UploadState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 20)
    private UploadState toState;

    @Column(nullable = false)
    private Instant at;

    @Column(length = 500)
    private String detail;

    protected UploadTransition() {
    }

    UploadTransition(Upload upload, UploadState fromState, UploadState toState, Instant at, String detail) {
        this.upload = upload;
        this.fromState = fromState;
        this.toState = toState;
        this.at = at;
        this.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 500));
    }

    public UploadState getFromState() {
        return fromState;
    }

    public UploadState getToState() {
        return toState;
    }

    public Instant getAt() {
        return at;
    }

    public String getDetail() {
        return detail;
    }
}
