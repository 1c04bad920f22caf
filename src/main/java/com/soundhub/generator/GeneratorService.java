package com.soundhub.generator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.soundhub.accounts.EmailConfirmations;
import com.soundhub.generator.composition.CompositionRequest;
import com.soundhub.generator.composition.MusicMetrics;
import com.soundhub.jobs.ProgressHub;
import com.soundhub.jobs.media.MediaJobs;
import com.soundhub.platform.database.DailyCounts;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.projects.Project;
import com.soundhub.projects.ProjectDetails;
import com.soundhub.projects.ProjectService;
import com.soundhub.projects.contents.ContentRepository;
import com.soundhub.projects.contents.ContentStore;
import com.soundhub.recordings.License;
import com.soundhub.recordings.MediaRendition;
import com.soundhub.recordings.MusicalKeys;
import com.soundhub.recordings.Origin;
import com.soundhub.recordings.Recording;
import com.soundhub.recordings.RecordingDeleting;
import com.soundhub.recordings.RecordingDetails;
import com.soundhub.recordings.RecordingService;
import com.soundhub.recordings.Visibility;
import com.soundhub.site.SiteSettings;
import com.soundhub.site.SiteSettingsService;
import com.soundhub.taxonomy.TaxonomyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rules of generated music: who may ask for how much, and the life of a generation. Its audio
 * plays through a private recording until the member publishes it. Making the piece is media work
 * ({@link GenerateMusicJob}), which calls back into the methods below "Called by the job".
 */
@ApplicationScoped
@Transactional
public class GeneratorService {

    /** The name of the job that makes a piece, in the queue. */
    static final String GENERATING = "generate-music";

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    EmailConfirmations emailConfirmations;

    @Inject
    RecordingService recordings;

    @Inject
    MediaJobs mediaJobs;

    @Inject
    ProjectService projects;

    @Inject
    ContentStore contents;

    @Inject
    TaxonomyService taxonomy;

    @Inject
    ProgressHub progress;

    @Inject
    SiteSettingsService site;

    @Inject
    @ConfigProperty(name = "soundhub.generator.max-unfinished-per-member", defaultValue = "3")
    int maxUnfinished;

    private final Clock clock = Clock.systemUTC();

    /** Queues a piece; refused while the member already has too many in the making. */
    public Generation request(long memberId, CompositionRequest request) {
        return request(memberId, request, false);
    }

    /** As {@link #request(long, CompositionRequest)}; {@code publishWhenReady} makes it public once made. */
    public Generation request(long memberId, CompositionRequest request, boolean publishWhenReady) {
        emailConfirmations.requireConfirmed(memberId);
        long unfinished = em.createQuery("SELECT count(g) FROM Generation g WHERE g.ownerId = :owner "
                        + "AND g.state NOT IN :done", Long.class)
                .setParameter("owner", memberId)
                .setParameter("done", List.of(GenerationState.READY, GenerationState.FAILED))
                .getSingleResult();
        SiteSettings limits = site.current();
        int unfinishedAllowed = limits.generationsUnfinishedMax() != null ? limits.generationsUnfinishedMax() : maxUnfinished;
        if (unfinished >= unfinishedAllowed) {
            throw new RuleViolation(null, unfinishedAllowed == 0 ? "Generating music is paused for now. Please come back later."
                    : "You already have " + unfinished + " pieces in the making. Wait for one to finish, then ask for the next.");
        }
        if (limits.generationsPerDay() != null) {
            long today = em.createQuery("SELECT count(g) FROM Generation g WHERE g.ownerId = :owner AND g.createdAt > :since",
                            Long.class)
                    .setParameter("owner", memberId)
                    .setParameter("since", clock.instant().minus(java.time.Duration.ofDays(1)))
                    .getSingleResult();
            if (today >= limits.generationsPerDay()) {
                throw new RuleViolation(null, "You have asked for " + today + " pieces in the last 24 hours, as many as a day "
                        + "allows. Please come back tomorrow.");
            }
        }
        String title = request.genre().label() + ", " + request.mood().label() + " (seed " + request.seed() + ")";
        Recording recording = recordings.create(memberId, new RecordingDetails(capitalise(title),
                "Generated on SoundHub: " + request.genre().label() + ", " + request.mood().label() + ", "
                        + request.tempoBpm() + " BPM, seed " + request.seed() + ".",
                taxonomy.genreId(request.genre().slug()).orElse(null), List.of(),
                java.util.Set.of("generated", request.genre().slug(), request.mood().slug()),
                request.tempoBpm(), null, License.CC_BY, Visibility.PRIVATE), Origin.GENERATED);
        Generation generation = new Generation(UUID.randomUUID(), memberId, recording, request, publishWhenReady,
                clock.instant());
        em.persist(generation);
        mediaJobs.start(GENERATING, generation.getId(), memberId);
        return generation;
    }

    /** The member's own generation; anyone else's is "not found". */
    public Generation owned(long memberId, UUID id) {
        Generation generation = em.find(Generation.class, id);
        if (generation == null || generation.getOwnerId() != memberId) {
            throw new NotFound();
        }
        generation.getRecording().getPublicId();
        return generation;
    }

    public List<Generation> ownedBy(long memberId, int limit) {
        return em.createQuery("SELECT g FROM Generation g JOIN FETCH g.recording WHERE g.ownerId = :owner "
                        + "ORDER BY g.createdAt DESC", Generation.class)
                .setParameter("owner", memberId).setMaxResults(limit).getResultList();
    }

    /** Makes the piece a public community recording. */
    public Recording publish(long memberId, UUID id) {
        Generation generation = owned(memberId, id);
        if (generation.getState() != GenerationState.READY) {
            throw new RuleViolation(null, "The piece can be published once it is ready.");
        }
        return recordings.changeVisibility(generation.getRecording().getPublicId(), memberId, Visibility.PUBLIC);
    }

    /**
     * Opens the member's finished piece as a private co-production project of theirs: its stems and
     * MIDI file are r1, referring to the bytes the piece keeps (none are copied).
     */
    public Project openAsProject(long memberId, UUID id) {
        Generation generation = owned(memberId, id);
        if (generation.getState() != GenerationState.READY) {
            throw new RuleViolation(null, "The piece can be opened as a project once it is ready.");
        }
        List<ContentRepository.Held> files = contents.held(id);
        if (files.isEmpty()) {
            throw new RuleViolation(null, "This piece was made before pieces kept their stems one by one. "
                    + "Download its stems and push them to a new project instead.");
        }
        Recording recording = generation.getRecording();
        String key = MusicalKeys.isKnown(generation.getPlayedKey()) ? generation.getPlayedKey() : null;
        ProjectDetails details = new ProjectDetails(recording.getTitle(), recording.getDescription(),
                recording.getGenre() == null ? null : recording.getGenre().getId(), (short) generation.getTempoBpm(), key, null,
                recording.getLicense(), Visibility.PRIVATE, java.util.Set.of());
        return projects.createWith(memberId, details, files, "Stems and MIDI file of the generated piece");
    }

    /** The stems of the member's piece, by path; empty for a piece made before stems were held one by one. */
    public List<ContentRepository.Held> stems(long memberId, UUID id) {
        owned(memberId, id);
        return contents.held(id).stream().filter(file -> file.name().startsWith(GenerationFiles.STEMS_FOLDER)).toList();
    }

    /** A deleted piece lets go of its stems and MIDI file; projects opened from it keep them. */
    void onRecordingDeleting(@Observes RecordingDeleting deleting) {
        em.createQuery("SELECT g.id FROM Generation g WHERE g.recording.id = :recording", UUID.class)
                .setParameter("recording", deleting.recordingId()).getResultList()
                .forEach(contents::release);
    }

    // ---- Called by the job ----

    /** What the job needs to make a piece. */
    public record Work(UUID id, long ownerId, CompositionRequest request, String storagePrefix) {
    }

    /** Attempt {@code attempt} starts (or starts over) making the piece; empty when there is nothing to do. */
    public Optional<Work> begin(UUID id, int attempt) {
        Generation generation = em.find(Generation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (generation == null || generation.getState().isFinal()) {
            return Optional.empty();
        }
        generation.startAttempt(attempt);
        move(generation, GenerationState.COMPOSING);
        return Optional.of(new Work(id, generation.getOwnerId(), generation.request(), GenerationFiles.prefix(generation.getRecording())));
    }

    public void composed(UUID id, String title, String key, double seconds, MusicMetrics metrics, long nanos) {
        Generation generation = em.find(Generation.class, id, LockModeType.PESSIMISTIC_WRITE);
        generation.composed(title, key, seconds, metrics, nanos);
        recordings.retitle(generation.getRecording().getId(), title);
        move(generation, GenerationState.RENDERING);
    }

    public void rendered(UUID id, long nanos, String originalKey, long size) {
        Generation generation = em.find(Generation.class, id, LockModeType.PESSIMISTIC_WRITE);
        generation.rendered(nanos);
        recordings.attachOriginal(generation.getRecording().getId(), originalKey, "mix.wav", "audio/wav", size);
        move(generation, GenerationState.TRANSCODING);
    }

    public void completed(UUID id, MediaRendition rendition) {
        Generation generation = em.find(Generation.class, id, LockModeType.PESSIMISTIC_WRITE);
        recordings.publish(generation.getRecording().getId(), rendition);
        if (generation.isPublishWhenReady()) {
            recordings.changeVisibility(generation.getRecording().getPublicId(), generation.getOwnerId(), Visibility.PUBLIC);
        }
        generation.finish(GenerationState.READY, null, clock.instant());
        announce(generation);
    }

    /** The piece could not be made; {@code why} is for the member. */
    public void failed(UUID id, String why) {
        Generation generation = em.find(Generation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (generation == null || generation.getState().isFinal()) {
            return;
        }
        generation.finish(GenerationState.FAILED, why, clock.instant());
        recordings.markFailed(generation.getRecording().getId());
        announce(generation);
    }

    private void move(Generation generation, GenerationState next) {
        generation.moveTo(next);
        announce(generation);
    }

    private void announce(Generation generation) {
        progress.publishOnCommit(em, topic(generation.getId()), GenerationStatus.of(generation));
    }

    public static String topic(UUID id) {
        return "generation:" + id;
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    Instant now() {
        return clock.instant();
    }

    /** Pieces asked for per day over the last {@code days} days, oldest first, for the back office's chart. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<java.time.LocalDate, Long> requestedPerDay(int days) {
        return DailyCounts.of(em, "generations", "created_at", days);
    }
}
