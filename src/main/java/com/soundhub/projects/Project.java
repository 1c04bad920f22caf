package com.soundhub.projects;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import com.soundhub.recordings.License;
import com.soundhub.recordings.ModeratorHiding;
import com.soundhub.recordings.Visibility;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** A co-production: its settings and the number of its newest revision. */
@Entity
@Table(name = "projects")
public class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false, length = 16)
    private String publicId;

    @Column(nullable = false, length = 120)
    private String title;

    @Column(nullable = false, length = 5000)
    private String description;

    @Column(name = "genre_id")
    private Short genreId;

    @Column(name = "bpm")
    private Short tempo;

    @Column(name = "musical_key", length = 16)
    private String key;

    @Column(name = "time_signature", length = 5)
    private String timeSignature;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private License license;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Visibility visibility;

    /** Why a moderator hid the project and what it gets back; while hidden, it is private to its members. */
    @Embedded
    private ModeratorHiding hiding = new ModeratorHiding();

    @Column(name = "cover_key", length = 300)
    private String coverKey;

    // Only a push moves it, in SQL under the project's row lock: saving the settings never writes it back.
    @Column(nullable = false, insertable = false, updatable = false)
    private int head;

    @Column(name = "created_by", nullable = false, updatable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    // Set once, when the project is made as a fork; the source may be deleted later (then the id is null).
    @Column(name = "forked_from_id", updatable = false)
    private Long forkedFromId;

    @Column(name = "forked_from_revision", updatable = false)
    private Integer forkedFromRevision;

    @Enumerated(EnumType.STRING)
    @Column(name = "forked_from_license", updatable = false, length = 24)
    private License forkedFromLicense;

    // A handful of ids, shown wherever the project is: read with it.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_wanted_instruments", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "instrument_id")
    private Set<Short> wantedInstruments = new LinkedHashSet<>();

    protected Project() {
    }

    Project(String publicId, long createdBy, ProjectDetails details, Instant now) {
        this.publicId = publicId;
        this.createdBy = createdBy;
        this.createdAt = now;
        apply(details, now);
    }

    /** A fork of revision {@code revision} of {@code source}, with the forker's details. */
    static Project forkOf(Project source, int revision, String publicId, long forkedBy, ProjectDetails details, Instant now) {
        Project fork = new Project(publicId, forkedBy, details, now);
        fork.forkedFromId = source.getId();
        fork.forkedFromRevision = revision;
        fork.forkedFromLicense = source.getLicense();
        return fork;
    }

    void apply(ProjectDetails details, Instant now) {
        this.title = details.title();
        this.description = details.description();
        this.genreId = details.genreId();
        this.tempo = details.tempo();
        this.key = details.key();
        this.timeSignature = details.timeSignature();
        this.license = details.license();
        // While hidden by a moderator, the owners' choice waits until it is shown again.
        this.visibility = hiding().choose(visibility, details.visibility());
        this.wantedInstruments.clear();
        this.wantedInstruments.addAll(details.wantedInstruments());
        this.updatedAt = now;
    }

    void useCover(String key, Instant now) {
        this.coverKey = key;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    /** The project this one was forked from, if it still exists. */
    public Long getForkedFromId() {
        return forkedFromId;
    }

    public Integer getForkedFromRevision() {
        return forkedFromRevision;
    }

    /** The source's licence when it was forked: this project's licence must stay compatible with it. */
    public License getForkedFromLicense() {
        return forkedFromLicense;
    }

    public boolean isFork() {
        return forkedFromLicense != null;
    }

    public String getPublicId() {
        return publicId;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Short getGenreId() {
        return genreId;
    }

    public Short getTempo() {
        return tempo;
    }

    public String getKey() {
        return key;
    }

    public String getTimeSignature() {
        return timeSignature;
    }

    public License getLicense() {
        return license;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    /** The visibility its owners chose: while hidden, the one it gets back when shown again. */
    public Visibility getChosenVisibility() {
        return hiding().chosen(visibility);
    }

    /** Hibernate leaves an embedded value whose columns are all empty null: a project never hidden. */
    private ModeratorHiding hiding() {
        if (hiding == null) {
            hiding = new ModeratorHiding();
        }
        return hiding;
    }

    public boolean isHidden() {
        return hiding().isHidden();
    }

    public String getHiddenReason() {
        return hiding().getReason();
    }

    void hide(String reason, Instant now) {
        this.visibility = hiding().hide(visibility, reason);
        this.updatedAt = now;
    }

    void unhide(Instant now) {
        if (isHidden()) {
            this.visibility = hiding().unhide(visibility);
            this.updatedAt = now;
        }
    }

    public String getCoverKey() {
        return coverKey;
    }

    /** Where pages show the cover picture; null when the project has none. It changes with the picture, so browsers may keep it. */
    public String getCoverUrl() {
        return coverKey == null ? null : "/projects/" + publicId + "/cover.jpg?v="
                + coverKey.substring(coverKey.lastIndexOf('-') + 1, coverKey.lastIndexOf('.'));
    }

    public int getHead() {
        return head;
    }

    public long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Set<Short> getWantedInstruments() {
        return Set.copyOf(wantedInstruments);
    }
}
