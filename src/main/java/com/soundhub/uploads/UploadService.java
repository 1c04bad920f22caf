package com.soundhub.uploads;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.soundhub.accounts.EmailConfirmations;
import com.soundhub.accounts.MemberAdministration;
import com.soundhub.jobs.ProgressHub;
import com.soundhub.jobs.media.MediaJobs;
import com.soundhub.platform.database.DailyCounts;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.recordings.MediaRendition;
import com.soundhub.recordings.Origin;
import com.soundhub.recordings.Recording;
import com.soundhub.recordings.RecordingDetails;
import com.soundhub.recordings.RecordingService;
import com.soundhub.storage.ObjectStorage;
import com.soundhub.storage.StoredObject;
import com.soundhub.storage.StoredObjectNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The rules and state machine of uploads. Every state change happens under a row lock, is
 * recorded in the history, and is announced to open progress pages when its transaction commits.
 * Processing is media work ({@link ProcessUploadJob}), which calls back into the methods below
 * "Called by the processing job" to move the upload along.
 */
@ApplicationScoped
@Transactional
public class UploadService {

    /** The name of the processing job in the queue. */
    static final String PROCESSING = "process-upload";

    /** Where presigned PUTs put files, each under its upload's id; never a key a recording keeps. */
    static final String INCOMING = "incoming/";

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    EmailConfirmations emailConfirmations;

    @Inject
    UploadRepository uploads;

    @Inject
    RecordingService recordings;

    @Inject
    ObjectStorage storage;

    @Inject
    MediaJobs mediaJobs;

    @Inject
    UploadSettings settings;

    @Inject
    MemberAdministration administration;

    @Inject
    ProgressHub progress;

    private final Clock clock = Clock.systemUTC();

    /**
     * Checks what the browser announces, creates the recording and the upload, and returns a
     * presigned PUT for exactly that file. Nothing is stored in S3 yet.
     */
    public UploadSlot requestSlot(long memberId, RecordingDetails details, String fileName, long declaredSize) {
        emailConfirmations.requireConfirmed(memberId);
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty() || name.length() > 255) {
            throw new RuleViolation("file", "Choose an audio file to upload.");
        }
        String contentType = AcceptedAudio.contentTypeFor(name).orElseThrow(() -> new RuleViolation("file",
                "\"" + name + "\" doesn't look like an audio file we accept. Upload " + AcceptedAudio.FORMATS + "."));
        if (declaredSize <= 0) {
            throw new RuleViolation("file", "The file is empty.");
        }
        if (declaredSize > settings.maxBytes()) {
            throw new RuleViolation("file", "The file is larger than " + settings.maxMegabytes()
                    + " MB. Upload a shorter or more compressed version (FLAC or MP3).");
        }
        Instant now = clock.instant();
        uploads.lockLimitsOf(memberId);
        settings.limits().refusal(uploads.usageOf(memberId, now.minus(Duration.ofDays(1))), declaredSize)
                .ifPresent(refusal -> {
                    throw new RuleViolation("file", refusal);
                });
        Recording recording = recordings.create(memberId, details, Origin.UPLOAD);
        UUID uploadId = UUID.randomUUID();
        String key = recording.storagePrefix() + "original";
        String incoming = INCOMING + uploadId;
        Instant expiresAt = now.plus(settings.slotLifetime());
        Upload upload = new Upload(uploadId, memberId, recording, name, declaredSize, contentType, key, incoming, now, expiresAt);
        uploads.add(upload);
        uploads.record(new UploadTransition(upload, null, UploadState.AWAITING_UPLOAD, now, "Slot for " + name));
        String url = storage.presignUpload(incoming, contentType, declaredSize, settings.slotLifetime()).toString();
        String id = upload.getId().toString();
        return new UploadSlot(id, url, contentType, declaredSize, expiresAt, "/api/uploads/" + id + "/confirm",
                "/uploads/" + id, "/recordings/" + recording.getPublicId());
    }

    /**
     * The browser says the file is in S3. It is copied to where the recording keeps its original,
     * which no presigned URL can write, so that the slot's URL (which works until the slot expires)
     * can change nothing that is processed, played or kept; the copy is checked against what was
     * announced, then queued for processing in the same transaction. Confirming again changes nothing.
     */
    public UploadStatus confirm(long memberId, UUID id) {
        Upload upload = ownedLocked(memberId, id);
        if (upload.getState() != UploadState.AWAITING_UPLOAD) {
            return status(upload);
        }
        String incoming = upload.getIncomingKey();
        if (incoming != null) {
            try {
                storage.copy(incoming, upload.getObjectKey());
            } catch (StoredObjectNotFoundException e) {
                throw new RuleViolation(null, "We haven't received the file yet. Let the upload finish, then confirm.");
            }
            storage.delete(incoming);
        }
        StoredObject stored = storage.describe(upload.getObjectKey()).orElseThrow(() -> new RuleViolation(null,
                "We haven't received the file yet. Let the upload finish, then confirm."));
        String problem = null;
        if (stored.size() == 0) {
            problem = "The file is empty.";
        } else if (stored.size() > settings.maxBytes()) {
            problem = "The file is larger than " + settings.maxMegabytes() + " MB.";
        } else if (stored.size() != upload.getDeclaredSize()) {
            problem = "The file we received is not the size that was announced; please upload it again.";
        }
        if (problem != null) {
            reject(upload, problem);
            return status(upload);
        }
        move(upload, UploadState.UPLOADED, "Received " + stored.size() + " bytes");
        recordings.attachOriginal(upload.getRecording().getId(), upload.getObjectKey(), upload.getFileName(),
                upload.getDeclaredType(), stored.size());
        mediaJobs.start(PROCESSING, upload.getId(), upload.getOwnerId());
        return status(upload);
    }

    public UploadStatus status(long memberId, UUID id) {
        return status(owned(memberId, id));
    }

    public List<Upload> ownedBy(long memberId) {
        return uploads.ownedBy(memberId, 200);
    }

    /** A dead upload gets a fresh set of attempts. */
    public UploadStatus retry(long memberId, UUID id) {
        return retry(memberId, id, "Retry asked for by the member");
    }

    private UploadStatus retry(long memberId, UUID id, String detail) {
        Upload upload = ownedLocked(memberId, id);
        if (upload.getState() != UploadState.DEAD) {
            throw new RuleViolation(null, "Only uploads that failed can be retried.");
        }
        upload.resetAttempts();
        upload.explain(null);
        move(upload, UploadState.UPLOADED, detail);
        recordings.markProcessing(upload.getRecording().getId());
        mediaJobs.start(PROCESSING, upload.getId(), upload.getOwnerId());
        return status(upload);
    }

    /** An upload in trouble as the back office shows it, with every state it went through. */
    public record TroubledUpload(UUID id, String fileName, String recordingPublicId, String owner, UploadState state, String reason,
                                 int attempts, Instant updatedAt, List<UploadTransition> history) {
    }

    /** Work that has not moved for this long is "stuck": more than any file's processing takes. */
    static final Duration STUCK_AFTER = Duration.ofMinutes(30);

    /**
     * Dead uploads ({@code dead}), or stuck ones: received or in processing with no change for
     * {@link #STUCK_AFTER}. Most recently changed first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TroubledUpload> troubled(long adminId, boolean dead, int limit) {
        administration.requireAdmin(adminId);
        List<Upload> found = em.createQuery("SELECT u FROM Upload u JOIN FETCH u.recording r JOIN FETCH r.owner "
                        + "WHERE u.state IN :states AND u.updatedAt < :before ORDER BY u.updatedAt DESC", Upload.class)
                .setParameter("states", dead ? List.of(UploadState.DEAD)
                        : List.of(UploadState.UPLOADED, UploadState.PROBING, UploadState.TRANSCODING, UploadState.FAILED_RETRYING))
                .setParameter("before", dead ? clock.instant() : clock.instant().minus(STUCK_AFTER))
                .setMaxResults(limit)
                .getResultList();
        return found.stream().map(upload -> new TroubledUpload(upload.getId(), upload.getFileName(),
                upload.getRecording().getPublicId(), upload.getRecording().getOwner().getNickname(), upload.getState(),
                upload.getReason(), upload.getAttempts(), upload.getUpdatedAt(), uploads.history(upload.getId()))).toList();
    }

    /** An admin gives a dead upload a fresh set of attempts, as its owner can. */
    public UploadStatus retryForAdmin(long adminId, UUID id) {
        administration.requireAdmin(adminId);
        Upload upload = uploads.lock(id).orElseThrow(NotFound::new);
        return retry(upload.getOwnerId(), id, "Retry asked for by an admin");
    }

    /** Uploads whose file never arrived in time: expired, and whatever did arrive is deleted. */
    public int expireAbandoned(int limit) {
        List<UUID> ids = uploads.awaitingSince(clock.instant(), limit);
        for (UUID id : ids) {
            uploads.lock(id).filter(upload -> upload.getState() == UploadState.AWAITING_UPLOAD).ifPresent(upload -> {
                move(upload, UploadState.EXPIRED, "No file arrived within " + settings.slotLifetime().toMinutes() + " minutes");
                upload.explain("The file never arrived, so the upload was cancelled. Upload it again when you're ready.");
                recordings.markFailed(upload.getRecording().getId());
                deleteOriginal(upload);
            });
        }
        return ids.size();
    }

    /**
     * Confirmed uploads whose slot has expired: whatever a PUT with the slot's old URL left under
     * its incoming key since the confirmation is deleted, and nothing can be put there any more.
     */
    public int clearIncomingOfExpiredSlots(int limit) {
        List<UUID> ids = uploads.incomingLeftBefore(clock.instant(), limit);
        for (UUID id : ids) {
            uploads.lock(id).filter(upload -> upload.getIncomingKey() != null).ifPresent(upload -> {
                storage.delete(upload.getIncomingKey());
                upload.incomingCleared();
            });
        }
        return ids.size();
    }

    // ---- Called by the processing job ----

    /** What the job needs to process an upload. */
    public record Work(UUID uploadId, long recordingId, String objectKey, String recordingPrefix, int attempt) {
    }

    /**
     * Attempt {@code attempt} starts (or starts over) processing; empty when there is nothing to do
     * for this upload.
     */
    public Optional<Work> beginProcessing(UUID id, int attempt) {
        Optional<Upload> found = uploads.lock(id);
        if (found.isEmpty() || !found.get().getState().isProcessing()) {
            return Optional.empty();
        }
        Upload upload = found.get();
        boolean interrupted = upload.getState() == UploadState.PROBING || upload.getState() == UploadState.TRANSCODING;
        upload.startAttempt(attempt);
        move(upload, UploadState.PROBING, interrupted
                ? "Started over after an interruption (attempt " + attempt + ")"
                : "Attempt " + attempt);
        return Optional.of(new Work(id, upload.getRecording().getId(), upload.getObjectKey(),
                upload.getRecording().storagePrefix(), attempt));
    }

    /**
     * The file's tags name it: the recording takes that title if its member left the title empty
     * (it is still the one made from the file's name).
     */
    public void titleFromTags(UUID id, String tagTitle) {
        String title = Titles.fromTag(tagTitle);
        if (title == null) {
            return;
        }
        uploads.lock(id)
                .filter(upload -> Titles.isFromFileName(upload.getRecording().getTitle(), upload.getFileName()))
                .ifPresent(upload -> recordings.retitle(upload.getRecording().getId(), title));
    }

    public void transcoding(UUID id) {
        uploads.lock(id).ifPresent(upload -> move(upload, UploadState.TRANSCODING, null));
    }

    /** Keeps the percentage now and then, for pages opened later; live pages get every step as an event. */
    public void progress(UUID id, int percent) {
        if (percent % 5 == 0) {
            uploads.saveProgress(id, percent);
        }
    }

    public void rejected(UUID id, String reason) {
        uploads.lock(id).filter(upload -> upload.getState().isProcessing()).ifPresent(upload -> reject(upload, reason));
    }

    public void completed(UUID id, MediaRendition media) {
        uploads.lock(id).ifPresent(upload -> {
            recordings.publish(upload.getRecording().getId(), media);
            move(upload, UploadState.READY, String.format(java.util.Locale.ROOT, "%.1f s of audio", media.durationSeconds()));
        });
    }

    /** An attempt failed; the next one starts at {@code next}. */
    public void retrying(UUID id, String reason, Instant next) {
        uploads.lock(id).filter(upload -> upload.getState().isProcessing()).ifPresent(upload -> {
            upload.explain("A temporary problem interrupted processing; it will be retried automatically.");
            move(upload, UploadState.FAILED_RETRYING, reason + "; next try at " + next);
        });
    }

    /** The last attempt failed too: the upload is dead until its owner retries it. */
    public void gaveUp(UUID id, int attempts, String reason) {
        uploads.lock(id).filter(upload -> upload.getState().isProcessing()).ifPresent(upload -> {
            upload.explain("Processing failed " + attempts + " times. You can retry it from your uploads. (" + reason + ")");
            move(upload, UploadState.DEAD, reason);
            recordings.markFailed(upload.getRecording().getId());
        });
    }

    // ---- internals ----

    /** A rejected file is not kept: nothing will ever play it, and it would count against the member's space. */
    private void reject(Upload upload, String reason) {
        upload.explain(reason);
        move(upload, UploadState.REJECTED, reason);
        recordings.markFailed(upload.getRecording().getId());
        deleteOriginal(upload);
    }

    /** The original and whatever waits under the incoming key; a late PUT there is cleared when the slot expires. */
    private void deleteOriginal(Upload upload) {
        storage.delete(upload.getObjectKey());
        if (upload.getIncomingKey() != null) {
            storage.delete(upload.getIncomingKey());
            if (!upload.getExpiresAt().isAfter(clock.instant())) {
                upload.incomingCleared();
            }
        }
    }

    private void move(Upload upload, UploadState next, String detail) {
        uploads.record(upload.moveTo(next, detail, clock.instant()));
        progress.publishOnCommit(em, topic(upload.getId()), status(upload).event());
    }

    private UploadStatus status(Upload upload) {
        return UploadStatus.of(upload, uploads.history(upload.getId()));
    }

    private Upload owned(long memberId, UUID id) {
        return uploads.find(id).filter(upload -> upload.getOwnerId() == memberId).orElseThrow(NotFound::new);
    }

    private Upload ownedLocked(long memberId, UUID id) {
        return uploads.lock(id).filter(upload -> upload.getOwnerId() == memberId).orElseThrow(NotFound::new);
    }

    public static String topic(UUID id) {
        return "upload:" + id;
    }

    /** Uploads started per day over the last {@code days} days, oldest first, for the back office's chart. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<LocalDate, Long> startedPerDay(int days) {
        return DailyCounts.of(em, "uploads", "created_at", days);
    }

    /** How many uploads are in each state, for the back office. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> countsByState() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT state, count(*) FROM uploads GROUP BY state").getResultList();
        rows.forEach(row -> counts.put(row[0].toString(), ((Number) row[1]).longValue()));
        return counts;
    }
}
