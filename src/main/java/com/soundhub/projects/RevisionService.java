package com.soundhub.projects;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.soundhub.accounts.AccountService;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.projects.contents.ContentHash;
import com.soundhub.projects.contents.ContentInfo;
import com.soundhub.projects.contents.ContentPlayback;
import com.soundhub.projects.contents.ContentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Reading a project's history: revisions, their files, and what changed between two of them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RevisionService {

    static final int HISTORY_PAGE = 50;
    static final int FILE_PAGE = 200;

    /** Download links to a file's content are signed for this long: enough to start playing or saving it. */
    static final Duration DOWNLOAD_LINK_LIFETIME = Duration.ofMinutes(10);

    @Inject
    RevisionRepository revisions;

    @Inject
    ContentStore contents;

    @Inject
    AccountService accounts;

    /** A revision with its author's nickname. */
    public record RevisionSummary(RevisionInfo info, String author) {
    }

    /** A revision and its files. */
    public record RevisionView(RevisionInfo info, String author, List<ProjectFile> files,
                               List<RevisionRepository.Replacement> replaced) {
    }

    /** A path two revisions hold differently. */
    public record ChangedFile(String path, ProjectFile from, ProjectFile to) {
    }

    /** What changed from one revision to another. */
    public record Diff(int from, int to, List<ProjectFile> added, List<ChangedFile> changed, List<ProjectFile> removed) {

        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
        }
    }

    /** One page of a revision's files, and the path to continue after when there are more. */
    public record FilePage(List<ProjectFile> files, String nextAfter) {
    }

    /**
     * A page of revision {@code number}'s files in path order, after {@code after} when given: a
     * project may hold ten thousand files, more than a page should show at once.
     */
    public FilePage filePage(Project project, int number, Optional<String> after) {
        if (number == 0) {
            return new FilePage(List.of(), null);
        }
        requireExists(project, number);
        List<ManifestEntry> page = revisions.manifestPage(project.getId(), number, after.orElse(null), FILE_PAGE + 1);
        boolean more = page.size() > FILE_PAGE;
        List<ManifestEntry> shown = more ? page.subList(0, FILE_PAGE) : page;
        Map<String, ContentInfo> known = contents.describe(hashes(shown));
        return new FilePage(shown.stream().map(entry -> ProjectFile.of(entry, known.get(entry.hash()))).toList(),
                more ? shown.get(shown.size() - 1).path() : null);
    }

    /** The file at {@code path} in revision {@code number}, if it holds one. */
    public Optional<ProjectFile> file(Project project, int number, String path) {
        if (number == 0) {
            return Optional.empty();
        }
        return revisions.entry(project.getId(), number, path)
                .map(entry -> ProjectFile.of(entry, contents.describe(List.of(entry.hash())).get(entry.hash())));
    }

    /** Revisions newest first, from before {@code before} (exclusive) if given. */
    public List<RevisionSummary> history(Project project, Optional<Integer> before) {
        List<RevisionInfo> page = revisions.revisions(project.getId(), before.orElse(Integer.MAX_VALUE), HISTORY_PAGE);
        Map<Long, String> names = accounts.activeNicknames(page.stream().map(RevisionInfo::authorId).distinct().toList());
        return page.stream().map(info -> new RevisionSummary(info, names.getOrDefault(info.authorId(), "a former member"))).toList();
    }

    public RevisionView revision(Project project, int number) {
        RevisionInfo info = revisions.revision(project.getId(), number).orElseThrow(NotFound::new);
        Map<String, ManifestEntry> manifest = revisions.manifest(project.getId(), number);
        Map<String, ContentInfo> known = contents.describe(hashes(manifest.values()));
        List<ProjectFile> files = new ArrayList<>(manifest.size());
        manifest.values().forEach(entry -> files.add(ProjectFile.of(entry, known.get(entry.hash()))));
        String author = accounts.activeNicknames(List.of(info.authorId())).getOrDefault(info.authorId(), "a former member");
        return new RevisionView(info, author, files, revisions.replacements(project.getId(), number));
    }

    /** A revision's details without its files, which {@link #filePage} gives a page at a time. */
    public RevisionView summary(Project project, int number) {
        RevisionInfo info = revisions.revision(project.getId(), number).orElseThrow(NotFound::new);
        String author = accounts.activeNicknames(List.of(info.authorId())).getOrDefault(info.authorId(), "a former member");
        return new RevisionView(info, author, List.of(), revisions.replacements(project.getId(), number));
    }

    /** The files of revision {@code number}; none for 0, the empty project. */
    public List<ProjectFile> files(Project project, int number) {
        if (number == 0) {
            return List.of();
        }
        requireExists(project, number);
        Map<String, ManifestEntry> manifest = revisions.manifest(project.getId(), number);
        Map<String, ContentInfo> known = contents.describe(hashes(manifest.values()));
        return manifest.values().stream().map(entry -> ProjectFile.of(entry, known.get(entry.hash()))).toList();
    }

    public Diff diff(Project project, int from, int to) {
        requireExists(project, from);
        requireExists(project, to);
        List<RevisionRepository.Difference> differences = revisions.diff(project.getId(), from, to);
        Set<String> hashes = new LinkedHashSet<>();
        for (RevisionRepository.Difference difference : differences) {
            if (difference.from() != null) {
                hashes.add(difference.from().hash());
            }
            if (difference.to() != null) {
                hashes.add(difference.to().hash());
            }
        }
        Map<String, ContentInfo> known = contents.describe(hashes);
        List<ProjectFile> added = new ArrayList<>();
        List<ChangedFile> changed = new ArrayList<>();
        List<ProjectFile> removed = new ArrayList<>();
        for (RevisionRepository.Difference difference : differences) {
            ProjectFile before = difference.from() == null ? null : ProjectFile.of(difference.from(), known.get(difference.from().hash()));
            ProjectFile after = difference.to() == null ? null : ProjectFile.of(difference.to(), known.get(difference.to().hash()));
            if (before == null) {
                added.add(after);
            } else if (after == null) {
                removed.add(before);
            } else {
                changed.add(new ChangedFile(difference.path(), before, after));
            }
        }
        return new Diff(from, to, added, changed, removed);
    }

    /** The revisions in which the file got new content, newest first. */
    public List<Integer> changesOf(Project project, String path) {
        return revisions.changesOf(project.getId(), path);
    }

    /**
     * A short-lived link to download one file of revision {@code revision} (the newest when empty),
     * named after its path. Only a content that revision holds is handed out: a hash from elsewhere
     * is not found, whoever asks.
     *
     * @param path the file's path, when the page knows it (a content may sit at several paths)
     */
    public URI downloadUrl(Project project, Optional<Integer> revision, String hash, String path) {
        int number = revision.orElse(project.getHead());
        if (number < 1 || number > project.getHead() || !ContentHash.looksValid(hash)) {
            throw new NotFound();
        }
        List<String> paths = revisions.pathsHolding(project.getId(), number, hash);
        if (paths.isEmpty()) {
            throw new NotFound();
        }
        String chosen = path != null && paths.contains(path) ? path : paths.get(0);
        return contents.downloadUrl(hash, chosen.substring(chosen.lastIndexOf('/') + 1), DOWNLOAD_LINK_LIFETIME);
    }

    /**
     * The HLS playlist of an analysed audio file of the project, its segments signed for a short while.
     *
     * @throws NotFound when no revision of the project holds the content, or it has not been analysed
     */
    public String playlist(Project project, String hash) {
        requireHeld(project, hash);
        return contents.signedPlaylist(hash).orElseThrow(NotFound::new);
    }

    /**
     * The waveform peaks and length of an analysed audio file of the project.
     *
     * @throws NotFound when no revision of the project holds the content, or it has not been analysed
     */
    public ContentPlayback playback(Project project, String hash) {
        requireHeld(project, hash);
        return contents.playback(hash).orElseThrow(NotFound::new);
    }

    private void requireHeld(Project project, String hash) {
        if (!ContentHash.looksValid(hash) || !revisions.holds(project.getId(), hash)) {
            throw new NotFound();
        }
    }

    private void requireExists(Project project, int number) {
        if (number < 0 || number > project.getHead()) {
            throw new NotFound("There is no revision r" + number + ".");
        }
    }

    private static Set<String> hashes(java.util.Collection<ManifestEntry> entries) {
        Set<String> hashes = new LinkedHashSet<>();
        entries.forEach(entry -> hashes.add(entry.hash()));
        return hashes;
    }
}
