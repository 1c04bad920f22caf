package com.soundhub.projects;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.soundhub.accounts.AccountService;
import com.soundhub.jobs.ProgressHub;
import com.soundhub.jobs.media.MediaJobs;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.projects.contents.ContentInfo;
import com.soundhub.projects.contents.ContentPlayback;
import com.soundhub.projects.contents.ContentStore;
import com.soundhub.recordings.FinishedAudio;
import com.soundhub.recordings.MadeIn;
import com.soundhub.recordings.Origin;
import com.soundhub.recordings.Recording;
import com.soundhub.recordings.RecordingDetails;
import com.soundhub.recordings.RecordingService;
import com.soundhub.recordings.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Masters: a revision's mix bounced by the media job ({@link MasterBounce}) into one lossless file,
 * kept as a project content and streamed like the project's other audio. Producers bounce; everyone
 * who can see the project listens.
 */
@ApplicationScoped
@Transactional
public class MasterService {

    static final int LIST_LIMIT = 50;

    @Inject
    ProjectService projects;

    @Inject
    ProjectRepository projectRows;

    @Inject
    MasterRepository masters;

    @Inject
    MixService mixes;

    @Inject
    MediaJobs mediaJobs;

    @Inject
    ProgressHub hub;

    @Inject
    RevisionRepository revisions;

    @Inject
    AccountService accounts;

    @Inject
    RecordingService recordings;

    @Inject
    ContentStore contents;

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** What the media job needs to bounce a master: the audible tracks and who asked. */
    public record Work(UUID id, long projectId, int revision, long owner, List<MixService.MixTrack> tracks) {
    }

    public static String topic(UUID master) {
        return "project-master:" + master;
    }

    /**
     * Queues the bounce of the mix of {@code revision} (the newest when empty).
     *
     * @throws PushRefused when the revision holds no audio, or every track is muted
     */
    public MasterRepository.Master bounce(String publicId, long memberId, Optional<Integer> revision) {
        Project project = projects.requirePusher(publicId, memberId).project();
        MixService.Mix mix = mixes.mix(project, revision);
        if (mix.tracks().isEmpty()) {
            throw new PushRefused(mix.revision() == 0 ? "Nothing has been pushed yet: there is no mix to bounce."
                    : "r" + mix.revision() + " holds no audio to bounce.");
        }
        if (audible(mix.tracks()).isEmpty()) {
            throw new PushRefused("Every track of the mix of r" + mix.revision() + " is muted: there is nothing to bounce.");
        }
        UUID id = UUID.randomUUID();
        masters.add(id, project.getId(), mix.revision(), memberId, clock.instant());
        projectRows.record(project.getId(), memberId, "bounced the mix of r" + mix.revision());
        mediaJobs.start(MasterBounce.NAME, id, memberId);
        return masters.find(id).orElseThrow();
    }

    /** A master with its file as the project's players show it (null until it is mixed). */
    public record MasterView(MasterRepository.Master master, ProjectFile file) {

        public MasterStatus status() {
            return MasterStatus.of(master);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MasterView> list(Project project) {
        List<MasterRepository.Master> list = masters.ofProject(project.getId(), LIST_LIMIT);
        Map<String, ContentInfo> info = contents.describe(list.stream()
                .map(MasterRepository.Master::contentHash).filter(Objects::nonNull).distinct().toList());
        return list.stream().map(master -> new MasterView(master, master.contentHash() == null ? null
                : ProjectFile.of(new ManifestEntry("master-r" + master.revision() + ".flac", master.contentHash(),
                info.containsKey(master.contentHash()) ? info.get(master.contentHash()).size() : 0, master.revision(),
                master.finishedAt() == null ? master.createdAt() : master.finishedAt()), info.get(master.contentHash())))).toList();
    }

    /** A master of {@code project}; not found when it belongs to another. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MasterRepository.Master find(Project project, UUID id) {
        return masters.find(id).filter(master -> master.projectId() == project.getId()).orElseThrow(NotFound::new);
    }

    /**
     * Publishes a finished master as a public community recording of {@code memberId}: the project's
     * licence, genre, tempo and key, "made in" the project's revision, crediting every member whose
     * work that revision holds.
     *
     * @return the recording's public id
     */
    public String publish(String publicId, long memberId, UUID id, String title, String description) {
        Project project = projects.requirePusher(publicId, memberId).project();
        String name = title == null ? "" : title.strip();
        if (name.isEmpty()) {
            throw new RuleViolation("title", "Give the recording a title.");
        }
        if (name.length() > 200) {
            throw new RuleViolation("title", "A title can be at most 200 characters long.");
        }
        String text = description == null ? "" : description.strip();
        if (text.length() > 5000) {
            throw new RuleViolation("description", "A description can be at most 5,000 characters long.");
        }
        MasterRepository.Master master = find(project, id);
        if (master.recordingPublicId() != null) {
            throw new RuleViolation(null, "This master is published already.");
        }
        ContentPlayback playback = master.contentHash() == null ? null : contents.playback(master.contentHash()).orElse(null);
        if (playback == null) {
            throw new RuleViolation(null, "The master can be published once it is ready for listening.");
        }
        ContentInfo info = contents.describe(List.of(master.contentHash())).get(master.contentHash());
        List<Long> contributors = revisions.contributors(project.getId(), master.revision());
        Map<Long, String> names = accounts.activeNicknames(contributors);
        List<String> credits = contributors.stream().filter(names::containsKey).map(names::get).toList();
        String fileName = "master-r" + master.revision() + ".flac";
        Recording recording = recordings.createFrom(memberId,
                new RecordingDetails(name, text, project.getGenreId(), List.of(), Set.of(),
                        project.getTempo() == null ? null : project.getTempo().intValue(), project.getKey(), project.getLicense(),
                        Visibility.PUBLIC),
                Origin.MIXDOWN,
                new FinishedAudio(ContentStore.key(master.contentHash()), fileName, "audio/flac", info.size(),
                        ContentStore.hlsPrefix(master.contentHash()), playback.playlist(), playback.durationMs() / 1000.0,
                        info.loudnessLufs() == null ? null : info.loudnessLufs().doubleValue(), playback.peaks()),
                new MadeIn(project.getTitle() + ", r" + master.revision(),
                        "/projects/" + project.getPublicId() + "/revisions/" + master.revision(), credits));
        masters.published(id, recording.getPublicId());
        projectRows.record(project.getId(), memberId, "published the master of r" + master.revision() + " as \u201c" + name + "\u201d");
        return recording.getPublicId();
    }

    /** A short-lived link to a finished master's FLAC. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public URI downloadUrl(Project project, UUID id) {
        MasterRepository.Master master = find(project, id);
        if (master.contentHash() == null) {
            throw new NotFound();
        }
        return contents.downloadUrl(master.contentHash(), "master-r" + master.revision() + ".flac", Duration.ofMinutes(10));
    }

    /** The tracks a mix makes heard: not muted, and the soloed ones when any is. */
    static List<MixService.MixTrack> audible(List<MixService.MixTrack> tracks) {
        boolean soloed = tracks.stream().anyMatch(track -> track.settings().solo());
        return tracks.stream().filter(track -> !track.settings().mute() && (!soloed || track.settings().solo())
                && track.file().isPlayable()).toList();
    }

    // For the media job ---------------------------------------------------------------------------

    public Optional<Work> begin(UUID id) {
        Optional<MasterRepository.Master> found = masters.find(id).filter(master -> !master.state().isFinished());
        if (found.isEmpty() || !masters.move(id, MasterState.MIXING, 0, null)) {
            return Optional.empty();
        }
        MasterRepository.Master master = found.get();
        announce(id);
        Project project = projectRows.byId(master.projectId()).orElseThrow(NotFound::new);
        return Optional.of(new Work(id, project.getId(), master.revision(), master.createdBy(),
                audible(mixes.mix(project, Optional.of(master.revision())).tracks())));
    }

    public void done(UUID id, String contentHash, int durationMs) {
        masters.done(id, contentHash, durationMs, clock.instant());
        announce(id);
    }

    public void failed(UUID id, String note) {
        masters.failed(id, note, clock.instant());
        announce(id);
    }

    public void retrying(UUID id, String note) {
        masters.move(id, MasterState.QUEUED, 0, note);
        announce(id);
    }

    private void announce(UUID id) {
        masters.find(id).ifPresent(master -> hub.publishOnCommit(em, topic(id), MasterStatus.of(master)));
    }
}
