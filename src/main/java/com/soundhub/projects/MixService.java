package com.soundhub.projects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.soundhub.platform.rules.NotFound;
import com.soundhub.projects.contents.ContentInfo;
import com.soundhub.projects.contents.ContentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A revision's mix: its audio files as tracks with the settings of the revision's
 * {@value MixSettings#PATH}. Saving a mix makes a revision that changes only that file.
 */
@ApplicationScoped
@Transactional
public class MixService {

    @Inject
    ProjectService projects;

    @Inject
    RevisionRepository revisions;

    @Inject
    ContentStore contents;

    @Inject
    PushService pushes;

    /** One track of a mix: the audio file and its settings. */
    public record MixTrack(ProjectFile file, MixSettings.Track settings) {
    }

    /** A revision's mix; {@code saved} when the revision holds a mix file. */
    public record Mix(int revision, boolean saved, List<MixTrack> tracks) {
    }

    /** The mix of {@code revision} (the newest when empty) of a project the caller may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Mix mix(Project project, Optional<Integer> revision) {
        int number = revision.orElse(project.getHead());
        if (number < 0 || number > project.getHead()) {
            throw new NotFound();
        }
        Map<String, ManifestEntry> manifest = revisions.manifest(project.getId(), number);
        ManifestEntry mixFile = manifest.get(MixSettings.PATH);
        MixSettings settings = mixFile == null ? MixSettings.NONE : read(mixFile.hash());
        List<ManifestEntry> audio = manifest.values().stream().filter(entry -> ContentStore.looksLikeAudio(entry.path())).toList();
        Map<String, ContentInfo> info = contents.describe(audio.stream().map(ManifestEntry::hash).distinct().toList());
        List<MixTrack> tracks = audio.stream().sorted(java.util.Comparator.comparing(ManifestEntry::path))
                .map(entry -> new MixTrack(ProjectFile.of(entry, info.get(entry.hash())), settings.track(entry.path()))).toList();
        return new Mix(number, mixFile != null, tracks);
    }

    /**
     * The newest revision's mix with a proposal's take over it: each audio file of the take replaces
     * the track of its path (keeping that track's settings) or joins the mix as a new, neutral track.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Mix withTake(Project project, List<ProjectFile> take) {
        Mix mix = mix(project, Optional.empty());
        Map<String, MixSettings.Track> settings = new java.util.HashMap<>();
        mix.tracks().forEach(track -> settings.put(track.file().path(), track.settings()));
        Map<String, MixTrack> tracks = new java.util.TreeMap<>();
        mix.tracks().forEach(track -> tracks.put(track.file().path(), track));
        take.stream().filter(file -> ContentStore.looksLikeAudio(file.path())).forEach(file -> tracks.put(file.path(),
                new MixTrack(file, settings.getOrDefault(file.path(), MixSettings.Track.neutral(file.path())))));
        return new Mix(mix.revision(), mix.saved(), List.copyOf(tracks.values()));
    }

    /**
     * Saves {@code settings} as a new revision on top of {@code base} that changes only the mix
     * file, replayed onto the newest revision like any push.
     *
     * @throws PushRefused naming each track whose settings are out of range or that is no audio file of the revision
     */
    public PushService.Committed save(String publicId, long memberId, int base, MixSettings settings, String message) {
        Project project = projects.requirePusher(publicId, memberId).project();
        if (base < 1 || base > project.getHead()) {
            throw new PushRefused("There is no revision r" + base + " to mix.");
        }
        Map<String, ManifestEntry> manifest = revisions.manifest(project.getId(), base);
        List<FileProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MixSettings.Track track : settings.tracks()) {
            ManifestEntry file = manifest.get(track.path());
            if (file == null || !ContentStore.looksLikeAudio(track.path())) {
                problems.add(new FileProblem(track.path(), "There is no audio file " + track.path() + " in r" + base + "."));
            } else if (!seen.add(track.path())) {
                problems.add(new FileProblem(track.path(), "This track is listed twice."));
            } else {
                problems.addAll(outOfRange(track));
            }
        }
        if (!problems.isEmpty()) {
            throw new PushRefused("Some tracks' settings are out of range.", problems);
        }
        if (!manifest.keySet().stream().anyMatch(ContentStore::looksLikeAudio)) {
            throw new PushRefused("r" + base + " holds no audio to mix.");
        }
        byte[] json = settings.toJson();
        String hash = contents.keepWritten(json, memberId);
        String text = message == null || message.isBlank() ? "Mix" : message.strip();
        return pushes.commitWritten(project.getId(), memberId, base, new ManifestEntry(MixSettings.PATH, hash, json.length, 0,
                java.time.Instant.EPOCH), text.length() > 500 ? text.substring(0, 500) : text);
    }

    private static List<FileProblem> outOfRange(MixSettings.Track track) {
        List<FileProblem> problems = new ArrayList<>();
        if (!Double.isFinite(track.gainDb()) || track.gainDb() > MixSettings.MAX_GAIN_DB) {
            problems.add(new FileProblem(track.path(), "Gain can be at most +12 dB."));
        } else if (track.gainDb() < MixSettings.MIN_GAIN_DB) {
            problems.add(new FileProblem(track.path(), "Gain can be at least -60 dB; mute the track to silence it."));
        }
        if (!Double.isFinite(track.pan()) || Math.abs(track.pan()) > 1) {
            problems.add(new FileProblem(track.path(), "Pan goes from -1 (left) to +1 (right)."));
        }
        if (track.offsetMs() < 0) {
            problems.add(new FileProblem(track.path(), "An offset cannot be negative: a track starts with the mix or later."));
        } else if (track.offsetMs() > MixSettings.MAX_OFFSET_MS) {
            problems.add(new FileProblem(track.path(), "An offset can be at most 10 minutes."));
        }
        return problems;
    }

    private MixSettings read(String hash) {
        try (InputStream in = contents.open(hash)) {
            return MixSettings.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            // A mix file pushed by hand that cannot be read: the tracks sound as they are.
            return MixSettings.NONE;
        }
    }
}
