package com.soundhub.projects;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.soundhub.jobs.ProgressHub;
import com.soundhub.jobs.media.MediaJobs;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.projects.contents.ContentInfo;
import com.soundhub.projects.contents.ContentStore;
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
