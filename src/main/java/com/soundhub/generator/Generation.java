package com.soundhub.generator;

import java.time.Instant;
import java.util.UUID;

import com.soundhub.generator.composition.CompositionRequest;
import com.soundhub.generator.composition.Genre;
import com.soundhub.generator.composition.Key;
import com.soundhub.generator.composition.Mood;
import com.soundhub.generator.composition.MusicMetrics;
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

/** A request for a generated piece, and what came of it. */
@Entity
@Table(name = "generations")
public class Generation {

    @Id
    private UUID id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "recording_id", updatable = false)
    private Recording recording;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24, updatable = false)
    private Genre genre;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24, updatable = false)
    private Mood mood;

    @Column(name = "tempo_bpm", nullable = false, updatable = false)
    private short tempoBpm;

    @Column(name = "length_seconds", nullable = false, updatable = false)
    private short lengthSeconds;

    @Column(name = "requested_key", length = 24, updatable = false)
    private String requestedKey;

    @Column(nullable = false, updatable = false)
    private long seed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private GenerationState state = GenerationState.QUEUED;

    @Column(name = "progress_percent", nullable = false)
    private short progressPercent;

    @Column(length = 500)
    private String reason;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "publish_when_ready", nullable = false, updatable = false)
    private boolean publishWhenReady;

    @Column(length = 200)
    private String title;

    @Column(name = "played_key", length = 24)
    private String playedKey;

    @Column(name = "duration_seconds")
    private Float durationSeconds;

    @Column(name = "scale_consistency")
    private Float scaleConsistency;

    @Column(name = "pitch_class_entropy")
    private Float pitchClassEntropy;

    @Column(name = "groove_consistency")
    private Float grooveConsistency;

    @Column(name = "empty_beat_rate")
    private Float emptyBeatRate;

    private Float polyphony;

    @Column(name = "pitch_range")
    private Short pitchRange;

    @Column(name = "compose_millis")
    private Integer composeMillis;

    @Column(name = "render_millis")
    private Integer renderMillis;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Generation() {
    }

    Generation(UUID id, long ownerId, Recording recording, CompositionRequest request, boolean publishWhenReady,
               Instant now) {
        this.publishWhenReady = publishWhenReady;
        this.id = id;
        this.ownerId = ownerId;
        this.recording = recording;
        this.genre = request.genre();
        this.mood = request.mood();
        this.tempoBpm = (short) request.tempoBpm();
        this.lengthSeconds = (short) request.lengthSeconds();
        this.requestedKey = request.requestedKey().map(Key::slug).orElse(null);
        this.seed = request.seed();
        this.createdAt = now;
    }

    /** The engine's input; the same request always gives the same piece. */
    public CompositionRequest request() {
        Key key = requestedKey == null ? null : Key.parse(requestedKey);
        return new CompositionRequest(genre, mood, tempoBpm, lengthSeconds, key, seed);
    }

    void moveTo(GenerationState next) {
        state = next;
        progressPercent = (short) (next == GenerationState.READY ? 100 : 0);
    }

    /** Attempt {@code attempt} (1 for the first) at making the piece begins. */
    void startAttempt(int attempt) {
        attempts = attempt;
    }

    void composed(String pieceTitle, String key, double seconds, MusicMetrics metrics, long composeNanos) {
        this.title = pieceTitle;
        this.playedKey = key;
        this.durationSeconds = (float) seconds;
        this.scaleConsistency = (float) metrics.scaleConsistency();
        this.pitchClassEntropy = (float) metrics.pitchClassEntropy();
        this.grooveConsistency = (float) metrics.grooveConsistency();
        this.emptyBeatRate = (float) metrics.emptyBeatRate();
        this.polyphony = (float) metrics.polyphony();
        this.pitchRange = (short) metrics.pitchRange();
        this.composeMillis = (int) (composeNanos / 1_000_000);
    }

    void rendered(long renderNanos) {
        this.renderMillis = (int) (renderNanos / 1_000_000);
    }

    void finish(GenerationState end, String why, Instant now) {
        moveTo(end);
        this.reason = why == null ? null : why.substring(0, Math.min(why.length(), 500));
        this.finishedAt = now;
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

    public Genre getGenre() {
        return genre;
    }

    public Mood getMood() {
        return mood;
    }

    public int getTempoBpm() {
        return tempoBpm;
    }

    public int getLengthSeconds() {
        return lengthSeconds;
    }

    /** The key asked for, as people read it ("F# minor"), or null when the engine chose. */
    public String getRequestedKey() {
        return requestedKey == null ? null : Key.parse(requestedKey).label();
    }

    public long getSeed() {
        return seed;
    }

    public GenerationState getState() {
        return state;
    }

    public int getProgressPercent() {
        return progressPercent;
    }

    public String getReason() {
        return reason;
    }

    public boolean isPublishWhenReady() {
        return publishWhenReady;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getTitle() {
        return title;
    }

    public String getPlayedKey() {
        return playedKey;
    }

    public Float getDurationSeconds() {
        return durationSeconds;
    }

    public Float getScaleConsistency() {
        return scaleConsistency;
    }

    public Float getPitchClassEntropy() {
        return pitchClassEntropy;
    }

    public Float getGrooveConsistency() {
        return grooveConsistency;
    }

    public Float getEmptyBeatRate() {
        return emptyBeatRate;
    }

    public Float getPolyphony() {
        return polyphony;
    }

    public Short getPitchRange() {
        return pitchRange;
    }

    public Integer getComposeMillis() {
        return composeMillis;
    }

    public Integer getRenderMillis() {
        return renderMillis;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
