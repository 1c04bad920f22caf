package com.soundhub.recordings;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import com.soundhub.accounts.Member;
import com.soundhub.taxonomy.Genre;
import com.soundhub.taxonomy.Instrument;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A piece of music a member shares: metadata, and once processed, its HLS rendition and waveform. */
@Entity
@Table(name = "recordings")
public class Recording {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, unique = true, length = 16, updatable = false)
    private String publicId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    private Member owner;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 5000)
    private String description = "";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "genre_id")
    private Genre genre;

    @ManyToMany
    @JoinTable(name = "recording_instruments",
            joinColumns = @JoinColumn(name = "recording_id"),
            inverseJoinColumns = @JoinColumn(name = "instrument_id"))
    @OrderBy("position")
    private Set<Instrument> instruments = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "recording_tags", joinColumns = @JoinColumn(name = "recording_id"))
    @Column(name = "tag", length = 40)
    @OrderBy
    private Set<String> tags = new LinkedHashSet<>();

    private Short bpm;

    @Column(name = "musical_key", length = 16)
    private String musicalKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private License license;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Visibility visibility;

    /** Why a moderator hid the recording and what it gets back; while hidden, it is private to its owner. */
    @Embedded
    private ModeratorHiding hiding = new ModeratorHiding();

    /** Hidden because its owner is suspended: shown again when they are reinstated. */
    @Column(name = "hidden_with_owner", nullable = false)
    private boolean hiddenWithOwner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private RecordingStatus status = RecordingStatus.PROCESSING;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Origin origin;

    // Where a recording published from elsewhere (a project's master) was made, and whom it credits.
    @Column(name = "made_in", length = 200)
    private String madeIn;

    @Column(name = "made_in_path", length = 300)
    private String madeInPath;

    @Column(length = 2000)
    private String credits;

    @Column(name = "duration_ms")
    private Integer durationMs;

    @Column(name = "loudness_lufs")
    private Float loudnessLufs;

    private byte[] peaks;

    @Column(name = "original_key", length = 300)
    private String originalKey;

    @Column(name = "original_name", length = 255)
    private String originalName;

    @Column(name = "original_type", length = 100)
    private String originalType;

    @Column(name = "original_size")
    private Long originalSize;

    /** The owner's cover picture in the bucket, or null for the generated artwork. */
    @Column(name = "cover_key", length = 300)
    private String coverKey;

    @Column(name = "hls_prefix", length = 300)
    private String hlsPrefix;

    @Column(name = "hls_playlist")
    private String hlsPlaylist;

    @Column(name = "like_count", nullable = false)
    private int likeCount;

    @Column(name = "play_count", nullable = false)
    private int playCount;

    @Column(name = "comment_count", nullable = false)
    private int commentCount;

    /** Moves on with every comment posted or deleted; the comments feature keeps it. */
    @Column(name = "comments_version", nullable = false)
    private long commentsVersion;

    /** What search looks at; the database indexes it (see {@link #searchTextOf}). */
    @Column(name = "search_text", nullable = false)
    private String searchText = "";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Recording() {
    }

    Recording(String publicId, Member owner, Origin origin, Instant now) {
        this.publicId = publicId;
        this.owner = owner;
        this.origin = origin;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Where everything stored for this recording lives in the bucket. */
    public String storagePrefix() {
        return "recordings/" + publicId + "/";
    }

    void describe(RecordingDetails details, Genre newGenre, Set<Instrument> newInstruments, Instant now) {
        this.title = details.title();
        this.description = details.description();
        this.genre = newGenre;
        this.instruments.clear();
        this.instruments.addAll(newInstruments);
        this.tags.clear();
        this.tags.addAll(details.tags());
        this.bpm = details.bpm() == null ? null : details.bpm().shortValue();
        this.musicalKey = details.musicalKey();
        this.license = details.license();
        choose(details.visibility());
        this.searchText = searchTextOf(title, description, tags, genre, instruments);
        this.updatedAt = now;
    }

    /** Title, description, tags, genre and instruments: one text for full-text and trigram search. */
    static String searchTextOf(String title, String description, Set<String> tags, Genre genre, Set<Instrument> instruments) {
        StringBuilder text = new StringBuilder(title).append(' ').append(description);
        tags.forEach(tag -> text.append(' ').append(tag));
        if (genre != null) {
            text.append(' ').append(genre.getName());
        }
        instruments.forEach(instrument -> text.append(' ').append(instrument.getName()));
        return text.toString().strip();
    }

    void attachOriginal(String key, String name, String type, long size) {
        this.originalKey = key;
        this.originalName = name;
        this.originalType = type;
        this.originalSize = size;
    }

    void publish(MediaRendition media, Instant now) {
        this.hlsPrefix = media.hlsPrefix();
        this.hlsPlaylist = media.playlist();
        this.durationMs = (int) Math.round(media.durationSeconds() * 1000);
        this.loudnessLufs = media.loudnessLufs() == null ? null : media.loudnessLufs().floatValue();
        this.peaks = media.peaks();
        this.status = RecordingStatus.READY;
        if (this.publishedAt == null) {
            this.publishedAt = now;
        }
        this.updatedAt = now;
    }

    void madeIn(MadeIn madeIn) {
        this.madeIn = madeIn.label();
        this.madeInPath = madeIn.path();
        this.credits = String.join(", ", madeIn.credits());
    }

    /** Where it was made (such as "Late Train, r3"), or null for an upload or a generated piece. */
    public String getMadeIn() {
        return madeIn;
    }

    public String getMadeInPath() {
        return madeInPath;
    }

    /** Who made it, as credited when it was published, or null. */
    public String getCredits() {
        return credits;
    }

    /** Reads the genre's and instruments' names again into the search text (after a rename or merge). */
    void refreshSearchText() {
        this.searchText = searchTextOf(title, description, tags, genre, instruments);
    }

    void retitle(String newTitle, Instant now) {
        this.title = newTitle.substring(0, Math.min(newTitle.length(), 200));
        this.searchText = searchTextOf(title, description, tags, genre, instruments);
        this.updatedAt = now;
    }

    /** Uses the stored picture {@code key} as the cover; returns the key of the one it replaces, if any. */
    String useCover(String key, Instant now) {
        String replaced = this.coverKey;
        this.coverKey = key;
        this.updatedAt = now;
        return replaced;
    }

    /** While hidden by a moderator, the owner's choice waits until it is shown again. */
    private void choose(Visibility newVisibility) {
        this.visibility = hiding().choose(visibility, newVisibility);
    }

    /** Hibernate leaves an embedded value whose columns are all empty null: a recording never hidden. */
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

    /** Hides it while its owner is suspended; one a moderator hid already stays hidden for that reason. */
    void hideWithOwner(String reason, Instant now) {
        if (!isHidden()) {
            hide(reason, now);
            this.hiddenWithOwner = true;
        }
    }

    /** Shows it again as its owner is reinstated, if it was hidden for their suspension only. */
    void showWithOwner(Instant now) {
        if (hiddenWithOwner) {
            unhide(now);
        }
    }

    void unhide(Instant now) {
        this.hiddenWithOwner = false;
        if (isHidden()) {
            this.visibility = hiding().unhide(visibility);
            this.updatedAt = now;
        }
    }

    void show(Visibility newVisibility, Instant now) {
        if (isHidden()) {
            choose(newVisibility);
            this.updatedAt = now;
            return;
        }
        this.visibility = newVisibility;
        if (newVisibility == Visibility.PUBLIC && status == RecordingStatus.READY) {
            this.publishedAt = now;
        }
        this.updatedAt = now;
    }

    void fail(Instant now) {
        this.status = RecordingStatus.FAILED;
        this.updatedAt = now;
    }

    void reprocess(Instant now) {
        this.status = RecordingStatus.PROCESSING;
        this.updatedAt = now;
    }

    public boolean isOwnedBy(Long memberId) {
        return memberId != null && memberId.equals(owner.getId());
    }

    public boolean isReady() {
        return status == RecordingStatus.READY;
    }

    /**
     * The processed audio is silent: its measured loudness is at the floor of the measurement
     * (EBU R128 gates out everything under -70 LUFS), or, when there is no measurement (pure digital
     * silence measures minus infinity), no peak of its waveform rises above the noise floor.
     */
    public boolean isSilent() {
        if (!isReady()) {
            return false;
        }
        if (loudnessLufs != null) {
            return loudnessLufs <= SILENT_LUFS;
        }
        if (peaks == null || peaks.length == 0) {
            return false;
        }
        for (byte peak : peaks) {
            if ((peak & 0xff) > SILENT_PEAK) {
                return false;
            }
        }
        return true;
    }

    /** Quieter than this is no music anyone hears (speech at a distance measures about -40 LUFS). */
    static final float SILENT_LUFS = -60f;
    /** Peaks are 0..255 of full scale; 1 is about -48 dBFS. */
    static final int SILENT_PEAK = 1;

    public Long getId() {
        return id;
    }

    public String getPublicId() {
        return publicId;
    }

    public Member getOwner() {
        return owner;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Genre getGenre() {
        return genre;
    }

    public Set<Instrument> getInstruments() {
        return instruments;
    }

    public Set<String> getTags() {
        return tags;
    }

    public Short getBpm() {
        return bpm;
    }

    public String getMusicalKey() {
        return musicalKey;
    }

    public License getLicense() {
        return license;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public RecordingStatus getStatus() {
        return status;
    }

    public Origin getOrigin() {
        return origin;
    }

    public Integer getDurationMs() {
        return durationMs;
    }

    public double getDurationSeconds() {
        return durationMs == null ? 0 : durationMs / 1000.0;
    }

    public Float getLoudnessLufs() {
        return loudnessLufs;
    }

    public byte[] getPeaks() {
        return peaks;
    }

    public String getOriginalKey() {
        return originalKey;
    }

    public String getOriginalName() {
        return originalName;
    }

    public Long getOriginalSize() {
        return originalSize;
    }

    public String getCoverKey() {
        return coverKey;
    }

    public boolean hasCover() {
        return coverKey != null;
    }

    /** The cover picture's address, or the generated artwork's when there is no cover. */
    public String getArtworkUrl() {
        return artworkUrl(publicId, coverKey);
    }

    /**
     * A recording's picture: its cover, at an address that changes with every new picture (so it
     * can be cached for good), or the generated artwork.
     */
    public static String artworkUrl(String publicId, String coverKey) {
        if (coverKey == null) {
            return "/recordings/" + publicId + "/artwork.svg";
        }
        String name = coverKey.substring(coverKey.lastIndexOf('/') + 1);
        String version = name.substring(name.lastIndexOf('-') + 1).replace(".jpg", "");
        return "/recordings/" + publicId + "/cover.jpg?v=" + version;
    }

    public String getHlsPrefix() {
        return hlsPrefix;
    }

    public String getHlsPlaylist() {
        return hlsPlaylist;
    }

    public int getLikeCount() {
        return likeCount;
    }

    public int getPlayCount() {
        return playCount;
    }

    public int getCommentCount() {
        return commentCount;
    }

    public long getCommentsVersion() {
        return commentsVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
