package com.soundhub.projects;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

import com.soundhub.accounts.EmailConfirmations;
import com.soundhub.platform.rules.NotAllowed;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.projects.PushRepository.Change;
import com.soundhub.projects.contents.ContentHash;
import com.soundhub.projects.contents.ContentMismatch;
import com.soundhub.projects.contents.ContentStore;
import com.soundhub.storage.ObjectStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Push, in three steps: start (what changed against the push's base, which contents the server
 * lacks, and where to upload them), a check of each uploaded content, and the commit, which
 * numbers the revision under the project's lock and replays the push onto newer work when other
 * pushes landed since its base.
 */
@ApplicationScoped
@Transactional
public class PushService {

    /** URLs are signed for this long; the status call signs them again. */
    static final Duration URL_LIFETIME = Duration.ofHours(6);

    @Inject
    EmailConfirmations emailConfirmations;

    @Inject
    ProjectService projects;

    @Inject
    ProjectRepository projectRows;

    @Inject
    RevisionRepository revisions;

    @Inject
    PushRepository pushes;

    @Inject
    ContentStore contents;

    @Inject
    ObjectStorage storage;

    @Inject
    PushSettings settings;

    @Inject
    Event<RevisionPushed> pushed;

    private final Clock clock = Clock.systemUTC();

    /** Where to send one content: a single PUT, or one PUT per part. */
    public record UploadTarget(String hash, long size, List<String> paths, URI url, Long partSize, List<Part> parts) {
    }

    /** One part of a multipart upload. */
    public record Part(int number, URI url, boolean uploaded) {
    }

    /** What a started push changes and has to send. */
    public record Started(UUID id, int base, List<String> added, List<String> changed, List<String> removed,
                          List<UploadTarget> missing) {
    }

    /** The revision a push became. */
    public record Committed(int revision, int parent, int base, boolean rebased, List<RevisionRepository.Replacement> replaced) {
    }

    public Started start(String publicId, long memberId, int base, List<PushedFile> files, boolean wholeProject) {
        emailConfirmations.requireConfirmed(memberId);
        return start(projects.requirePusher(publicId, memberId).project(), memberId, base, files, wholeProject, false);
    }

    /**
     * Starts the push of a proposal's take: audio files added or replaced (never removed) by a
     * member who can see the project, whether or not they may push to it.
     */
    public Started startProposal(String publicId, long memberId, int base, List<PushedFile> files) {
        emailConfirmations.requireConfirmed(memberId);
        Project project = projects.requireProposer(publicId, memberId).project();
        if (files.isEmpty()) {
            throw new PushRefused("Choose the audio files of your take.");
        }
        if (files.size() > ProposalService.MAX_FILES) {
            throw new PushRefused("A proposal holds at most " + ProposalService.MAX_FILES + " files; this one has " + files.size() + ".");
        }
        List<FileProblem> notAudio = files.stream().filter(file -> !ContentStore.looksLikeAudio(file.path()))
                .map(file -> new FileProblem(file.path(), "Only audio files (WAV, FLAC, AIFF, MP3, OGG, M4A) can be proposed.")).toList();
        if (!notAudio.isEmpty()) {
            throw new PushRefused("A proposal is a take: audio files only.", notAudio);
        }
        return start(project, memberId, base, files, false, true);
    }

    private Started start(Project project, long memberId, int base, List<PushedFile> files, boolean wholeProject, boolean proposal) {
        if (files.size() > ProjectPaths.MAX_FILES) {
            throw new PushRefused("A project holds at most " + ProjectPaths.MAX_FILES + " files; this push has " + files.size() + ".");
        }
        if (base < 0 || base > project.getHead()) {
            throw new PushRefused("There is no revision r" + base + " to push onto; the newest is r" + project.getHead() + ".");
        }
        checkFiles(files);
        Map<String, ManifestEntry> baseFiles = revisions.manifest(project.getId(), base);
        List<Change> changes = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (PushedFile file : files) {
            listed.add(file.path());
            ManifestEntry before = baseFiles.get(file.path());
            if (before == null || !before.hash().equals(file.hash())) {
                (before == null ? added : changed).add(file.path());
                changes.add(new Change(file.path(), file.hash(), file.size()));
            }
        }
        if (wholeProject) {
            for (String path : baseFiles.keySet()) {
                if (!listed.contains(path)) {
                    removed.add(path);
                    changes.add(new Change(path, null, null));
                }
            }
        }
        Map<String, ManifestEntry> after = new LinkedHashMap<>(baseFiles);
        removed.forEach(after::remove);
        files.forEach(file -> after.put(file.path(), new ManifestEntry(file.path(), file.hash(), file.size(), 0, Instant.EPOCH)));
        checkResult(after.keySet());

        Map<String, List<String>> pathsByHash = new LinkedHashMap<>();
        Map<String, Long> sizeByHash = new HashMap<>();
        for (Change change : changes) {
            if (!change.isRemoval()) {
                pathsByHash.computeIfAbsent(change.hash(), hash -> new ArrayList<>()).add(change.path());
                sizeByHash.put(change.hash(), change.size());
            }
        }
        Set<String> present = contents.presentLocked(pathsByHash.keySet());
        long sending = 0;
        UUID id = UUID.randomUUID();
        List<PushRepository.Upload> uploads = new ArrayList<>();
        for (String hash : pathsByHash.keySet()) {
            if (!present.contains(hash)) {
                long size = sizeByHash.get(hash);
                sending += size;
                String incoming = ContentStore.incomingKey(id, hash);
                boolean multipart = size > PushSettings.MULTIPART_ABOVE;
                uploads.add(new PushRepository.Upload(hash, size, incoming,
                        multipart ? storage.startMultipartUpload(incoming, "application/octet-stream") : null,
                        multipart ? PushSettings.PART_SIZE : null, null));
            }
        }
        long used = contents.bytesFirstPushedBy(memberId);
        if (sending > 0 && used + sending > settings.quotaBytes()) {
            throw new PushRefused(String.format("This push would send %s, and your projects already use %s of your %s. "
                    + "Delete a project you no longer need, or push fewer files.", megabytes(sending), megabytes(used),
                    megabytes(settings.quotaBytes())));
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.pushLifetime());
        pushes.add(new PushRepository.Push(id, project.getId(), memberId, base, expiresAt, null, proposal), changes, uploads);
        List<UploadTarget> missing = uploads.stream().map(upload -> target(upload, pathsByHash.get(upload.hash()), expiresAt)).toList();
        return new Started(id, base, added, changed, removed, missing);
    }

    /** Where a content of a push goes, with fresh URLs; for a multipart upload, which parts have arrived. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UploadTarget uploadStatus(String publicId, long memberId, UUID pushId, String hash) {
        PushRepository.Push push = ownPush(publicId, memberId, pushId);
        PushRepository.Upload upload = pushes.uploads(push.id()).get(hash);
        if (upload == null) {
            throw new NotFound();
        }
        List<String> paths = pushes.changes(push.id()).stream().filter(change -> hash.equals(change.hash())).map(Change::path).toList();
        return target(upload, paths, push.expiresAt());
    }

    /**
     * Checks an uploaded content and keeps it. Reads the whole file back, so it runs outside a
     * transaction but for the short writes.
     *
     * @return the content's size
     * @throws PushRefused naming the files when the bytes are not what was announced
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long verify(String publicId, long memberId, UUID pushId, String hash) {
        PushRepository.Push push = ownPush(publicId, memberId, pushId);
        PushRepository.Upload upload = pushes.uploads(push.id()).get(hash);
        if (upload == null) {
            throw new NotFound();
        }
        if (upload.verifiedAt() != null) {
            return upload.size();
        }
        List<String> paths = pushes.changes(push.id()).stream().filter(change -> hash.equals(change.hash())).map(Change::path).toList();
        if (upload.multipartId() != null) {
            SortedMap<Integer, Long> parts = storage.uploadedParts(upload.incomingKey(), upload.multipartId());
            List<Integer> lacking = new ArrayList<>();
            for (int number = 1; number <= partCount(upload); number++) {
                if (!parts.containsKey(number)) {
                    lacking.add(number);
                }
            }
            if (!lacking.isEmpty()) {
                throw refusal(paths, "Parts " + lacking + " of it have not arrived yet.");
            }
            storage.completeMultipartUpload(upload.incomingKey(), upload.multipartId());
        }
        if (storage.describe(upload.incomingKey()).isEmpty()) {
            throw refusal(paths, "It has not been uploaded yet.");
        }
        ContentStore.Checked checked;
        try {
            checked = contents.check(upload.incomingKey(), hash, upload.size());
        } catch (ContentMismatch mismatch) {
            storage.delete(upload.incomingKey());
            String restarted = upload.multipartId() == null ? null : storage.startMultipartUpload(upload.incomingKey(), "application/octet-stream");
            pushes.restart(push.id(), hash, restarted);
            throw refusal(paths, mismatch.getMessage() + " Upload it again.");
        }
        contents.keep(upload.incomingKey(), checked, memberId, paths.stream().anyMatch(ContentStore::looksLikeAudio));
        storage.delete(upload.incomingKey());
        pushes.verified(push.id(), hash, clock.instant());
        return upload.size();
    }

    public Committed commit(String publicId, long memberId, UUID pushId, String message) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            throw new PushRefused("Say in a few words what this revision changes.");
        }
        if (text.length() > 500) {
            throw new PushRefused("A message can be at most 500 characters long.");
        }
        PushRepository.Push push = ownPush(publicId, memberId, pushId);
        if (push.proposal()) {
            throw new PushRefused("This push carries a proposal: propose it, and a producer of the project will accept it or not.");
        }
        return commit(push, memberId, text);
    }

    /**
     * Commits a proposal's push as a revision authored by its proposer, replayed onto the head like
     * any push. The caller has checked that the accepting member may push.
     */
    Committed commitProposal(UUID pushId, String message) {
        PushRepository.Push push = pushes.find(pushId).filter(PushRepository.Push::proposal)
                .orElseThrow(() -> new PushRefused("This proposal's files are no longer kept."));
        return commit(push, push.authorId(), message);
    }

    /**
     * Commits one file the server wrote itself (a mix's settings) on top of {@code base}, replayed
     * onto the newest revision like a push. The caller has checked that the member may push.
     */
    Committed commitWritten(long projectId, long authorId, int base, ManifestEntry file, String message) {
        Map<String, ManifestEntry> put = new LinkedHashMap<>();
        put.put(file.path(), file);
        return write(projectId, authorId, base, put, List.of(), message);
    }

    /** Every content the push announced, checked: it can become a revision. */
    void requireSent(UUID pushId) {
        List<FileProblem> unsent = unsent(pushId, pushes.changes(pushId));
        if (!unsent.isEmpty()) {
            throw new PushRefused("Some files have not been uploaded yet.", unsent);
        }
    }

    private List<FileProblem> unsent(UUID pushId, List<Change> changes) {
        List<FileProblem> unsent = new ArrayList<>();
        for (PushRepository.Upload upload : pushes.uploads(pushId).values()) {
            if (upload.verifiedAt() == null) {
                changes.stream().filter(change -> upload.hash().equals(change.hash()))
                        .forEach(change -> unsent.add(new FileProblem(change.path(), "Its content was never uploaded, or did not check out.")));
            }
        }
        return unsent;
    }

    private Committed commit(PushRepository.Push found, long authorId, String text) {
        PushRepository.Push push = pushes.lock(found.id()).orElseThrow(NotFound::new);
        if (push.committedAs() != null) {
            throw new PushRefused("This push is already revision r" + push.committedAs() + ".");
        }
        List<Change> changes = pushes.changes(push.id());
        List<FileProblem> unsent = unsent(push.id(), changes);
        if (!unsent.isEmpty()) {
            throw new PushRefused("Some files have not been uploaded yet.", unsent);
        }
        Map<String, ManifestEntry> put = new LinkedHashMap<>();
        for (Change change : changes) {
            if (!change.isRemoval()) {
                put.put(change.path(), new ManifestEntry(change.path(), change.hash(), change.size(), 0, Instant.EPOCH));
            }
        }
        List<String> removals = changes.stream().filter(Change::isRemoval).map(Change::path).toList();
        Committed committed = write(push.projectId(), authorId, push.base(), put, removals, text);
        pushes.committed(push.id(), committed.revision());
        return committed;
    }

    /** Undo as a new revision: the newest revision becomes what {@code target} held. */
    public Committed revert(String publicId, long memberId, int target) {
        Project project = projects.requirePusher(publicId, memberId).project();
        if (target < 1 || target > project.getHead()) {
            throw new NotFound();
        }
        Map<String, ManifestEntry> put = new LinkedHashMap<>();
        List<String> removals = new ArrayList<>();
        for (RevisionRepository.Difference difference : revisions.diff(project.getId(), project.getHead(), target)) {
            if (difference.to() == null) {
                removals.add(difference.path());
            } else {
                put.put(difference.path(), difference.to());
            }
        }
        return write(project.getId(), memberId, project.getHead(), put, removals, "Revert to r" + target);
    }

    /**
     * Writes the revision under the project's lock. When the head moved since {@code base}, the
     * changes are replayed onto it: a path changed by both takes this change, and the revision
     * names the version it replaced.
     */
    private Committed write(long projectId, long authorId, int base, Map<String, ManifestEntry> put, List<String> removals,
                            String message) {
        int head = projectRows.lockHead(projectId);
        Project project = projectRows.byId(projectId).orElseThrow(NotFound::new);
        Map<String, ManifestEntry> headFiles = revisions.manifest(projectId, head);
        Map<String, ManifestEntry> baseFiles = head == base ? headFiles : revisions.manifest(projectId, base);
        Instant now = clock.instant();
        int number = head + 1;
        List<ManifestEntry> writes = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        List<RevisionRepository.Replacement> replaced = new ArrayList<>();
        int added = 0;
        int changed = 0;
        for (ManifestEntry entry : put.values()) {
            ManifestEntry now0 = headFiles.get(entry.path());
            if (entry.sameContentAs(now0)) {
                continue;
            }
            if (now0 == null) {
                added++;
            } else {
                changed++;
                if (head != base && !now0.sameContentAs(baseFiles.get(entry.path()))) {
                    replaced.add(new RevisionRepository.Replacement(entry.path(), now0.sinceRevision()));
                }
            }
            writes.add(new ManifestEntry(entry.path(), entry.hash(), entry.size(), number, now));
        }
        for (String path : removals) {
            ManifestEntry now0 = headFiles.get(path);
            if (now0 == null) {
                continue;
            }
            if (head != base && !now0.sameContentAs(baseFiles.get(path))) {
                replaced.add(new RevisionRepository.Replacement(path, now0.sinceRevision()));
            }
            removes.add(path);
        }
        if (writes.isEmpty() && removes.isEmpty()) {
            throw new PushRefused(head == 0 ? "There is nothing to push: choose some files."
                    : "Nothing changed: r" + head + " already holds these files.");
        }
        Map<String, ManifestEntry> result = new LinkedHashMap<>(headFiles);
        removes.forEach(result::remove);
        writes.forEach(entry -> result.put(entry.path(), entry));
        checkResult(result.keySet());
        Set<String> needed = new LinkedHashSet<>();
        writes.forEach(entry -> needed.add(entry.hash()));
        Set<String> present = contents.presentLocked(needed);
        List<FileProblem> lost = writes.stream().filter(entry -> !present.contains(entry.hash()))
                .map(entry -> new FileProblem(entry.path(), "Its content is no longer stored; push it again.")).toList();
        if (!lost.isEmpty()) {
            throw new PushRefused("Some contents have to be sent again.", lost);
        }
        long total = result.values().stream().mapToLong(ManifestEntry::size).sum();
        RevisionInfo revision = new RevisionInfo(number, head, base, authorId, message, now, added, changed, removes.size(),
                result.size(), total);
        revisions.write(projectId, revision, writes, removes, replaced);
        projectRows.advanceHead(projectId, number, now);
        projectRows.record(projectId, authorId, "pushed r" + number + ": " + message);
        pushed.fire(new RevisionPushed(projectId, project.getPublicId(), number,
                writes.stream().filter(entry -> ContentStore.looksLikeAudio(entry.path())).map(ManifestEntry::hash).distinct().toList()));
        return new Committed(number, head, base, head != base, replaced);
    }

    private PushRepository.Push ownPush(String publicId, long memberId, UUID pushId) {
        Project project = projects.access(publicId, Optional.of(memberId)).project();
        PushRepository.Push push = pushes.find(pushId).filter(found -> found.projectId() == project.getId()).orElseThrow(NotFound::new);
        // A proposal's take is sent by its proposer, who may not push; every other push needs a pusher.
        if (push.proposal()) {
            projects.requireProposer(publicId, memberId);
        } else {
            projects.requirePusher(publicId, memberId);
        }
        if (push.authorId() != memberId) {
            throw new NotAllowed("This push was started by someone else.");
        }
        if (push.committedAs() == null && push.expiresAt().isBefore(clock.instant())) {
            throw new PushRefused("This push was started too long ago and has expired; start it again.");
        }
        return push;
    }

    private UploadTarget target(PushRepository.Upload upload, List<String> paths, Instant pushExpiresAt) {
        // No URL outlives its push: after that the push's uploads are deleted, and a late PUT would leave bytes behind.
        Duration lifetime = Duration.between(clock.instant(), pushExpiresAt);
        Duration valid = lifetime.compareTo(URL_LIFETIME) < 0 ? lifetime : URL_LIFETIME;
        if (upload.multipartId() == null) {
            return new UploadTarget(upload.hash(), upload.size(), paths,
                    storage.presignUpload(upload.incomingKey(), "application/octet-stream", upload.size(), valid), null, null);
        }
        SortedMap<Integer, Long> arrived = storage.uploadedParts(upload.incomingKey(), upload.multipartId());
        List<Part> parts = new ArrayList<>();
        int count = partCount(upload);
        for (int number = 1; number <= count; number++) {
            long length = number < count ? upload.partSize() : upload.size() - (count - 1) * upload.partSize();
            parts.add(new Part(number, storage.presignUploadPart(upload.incomingKey(), upload.multipartId(), number, length, valid),
                    arrived.containsKey(number)));
        }
        return new UploadTarget(upload.hash(), upload.size(), paths, null, upload.partSize(), parts);
    }

    private static int partCount(PushRepository.Upload upload) {
        return (int) Math.max(1, (upload.size() + upload.partSize() - 1) / upload.partSize());
    }

    private void checkFiles(List<PushedFile> files) {
        List<FileProblem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (PushedFile file : files) {
            String path = file.path();
            String problem = ProjectPaths.problemWith(path);
            if (problem == null && !ContentHash.looksValid(file.hash())) {
                problem = "Its content hash is not 64 lowercase hex digits.";
            }
            if (problem == null && file.size() < 0) {
                problem = "Its size cannot be negative.";
            }
            if (problem == null && file.size() > settings.maxFileBytes()) {
                problem = "It is larger than the " + megabytes(settings.maxFileBytes()) + " a file may be.";
            }
            if (problem == null) {
                String other = seen.putIfAbsent(ProjectPaths.collisionKey(path), path);
                if (other != null) {
                    problem = other.equals(path) ? "It is listed twice."
                            : "It differs from " + other + " only by case or accents; they would be one file on macOS and Windows.";
                }
            }
            if (problem != null) {
                problems.add(new FileProblem(path == null ? "" : path, problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new PushRefused(problems.size() == 1 ? "A file cannot be pushed." : problems.size() + " files cannot be pushed.", problems);
        }
    }

    private static void checkResult(Set<String> paths) {
        if (paths.size() > ProjectPaths.MAX_FILES) {
            throw new PushRefused("A project holds at most " + ProjectPaths.MAX_FILES + " files; after this push it would hold "
                    + paths.size() + ".");
        }
        Map<String, String> seen = new HashMap<>();
        List<FileProblem> problems = new ArrayList<>();
        for (String path : paths) {
            String other = seen.putIfAbsent(ProjectPaths.collisionKey(path), path);
            if (other != null) {
                problems.add(new FileProblem(path, "It differs from " + other
                        + " only by case or accents; they would be one file on macOS and Windows."));
            }
        }
        if (!problems.isEmpty()) {
            throw new PushRefused("Two paths would be one file on some computers.", problems);
        }
    }

    private static PushRefused refusal(List<String> paths, String message) {
        String named = paths.isEmpty() ? "A file" : paths.get(0);
        return new PushRefused(named + ": " + message, paths.stream().map(path -> new FileProblem(path, message)).toList());
    }

    static String megabytes(long bytes) {
        return bytes >= 1024L * 1024 * 1024 ? String.format("%.1f GB", bytes / (1024.0 * 1024 * 1024))
                : String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
