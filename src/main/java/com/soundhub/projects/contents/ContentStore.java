package com.soundhub.projects.contents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;

import com.soundhub.jobs.media.MediaJobs;
import com.soundhub.recordings.PlaylistSigner;
import com.soundhub.storage.ObjectStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * File contents stored once each, under their content hash, shared by every revision of every
 * project. Browsers upload to a push's incoming key; the server reads the bytes back, checks size
 * and hash, and only then copies them to the content's own key, which no presigned URL can write.
 */
@ApplicationScoped
public class ContentStore {

    private static final String CONTENTS = "projects/contents/";
    private static final String INCOMING = "projects/incoming/";
    private static final Set<String> AUDIO_ENDINGS = Set.of(".wav", ".wave", ".aif", ".aiff", ".flac", ".mp3", ".ogg",
            ".oga", ".opus", ".m4a", ".aac");

    @Inject
    ObjectStorage storage;

    @Inject
    ContentRepository contents;

    @Inject
    MediaJobs mediaJobs;

    /** Signed segment URLs stay valid this long, as recordings' do: enough to listen, too short to share. */
    static final Duration SEGMENT_URL_LIFETIME = Duration.ofMinutes(30);

    /** What the server read back from an upload. */
    public record Checked(String hash, long size, long crc32) {
    }

    public static String key(String hash) {
        return CONTENTS + hash;
    }

    public static String incomingKey(UUID push, String hash) {
        return INCOMING + push + "/" + hash;
    }

    public static String incomingPrefix(UUID push) {
        return INCOMING + push + "/";
    }

    /** Where the content's HLS rendition is stored: {@code projects/contents/<hash>.hls/}. */
    public static String hlsPrefix(String hash) {
        return key(hash) + ".hls/";
    }

    /** True for file names the media job can read as audio. */
    public static boolean looksLikeAudio(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot >= 0 && AUDIO_ENDINGS.contains(lower.substring(dot));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> presentLocked(Collection<String> hashes) {
        return contents.presentLocked(hashes);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, ContentInfo> describe(Collection<String> hashes) {
        return contents.describe(hashes);
    }

    /** How many contents are kept, and their bytes: {count, bytes}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long[] totals() {
        return contents.totals();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long bytesFirstPushedBy(long memberId) {
        return contents.bytesFirstPushedBy(memberId);
    }

    /**
     * Reads the object under {@code incomingKey} to its end and checks that it is {@code size} bytes
     * with hash {@code hash}. Runs outside any transaction: reading a large file takes a while.
     *
     * @throws ContentMismatch when it is not what it was sent as
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Checked check(String incomingKey, String hash, long size) {
        ContentHash hashing = new ContentHash();
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = storage.open(incomingKey)) {
            for (int read; (read = in.read(buffer)) != -1; ) {
                hashing.update(buffer, 0, read);
                crc.update(buffer, 0, read);
                if (hashing.size() > size) {
                    throw new ContentMismatch("More bytes arrived than the " + size + " it was announced with.");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (hashing.size() != size) {
            throw new ContentMismatch(hashing.size() + " bytes arrived, not the " + size + " it was announced with.");
        }
        String actual = hashing.finish();
        if (!actual.equals(hash)) {
            throw new ContentMismatch("Its content hash is " + actual + ", not " + hash + " as announced: it changed on the way or while it was read.");
        }
        return new Checked(hash, size, crc.getValue());
    }

    /**
     * Keeps checked bytes as the content: copies them to the content's key unless it is stored
     * already. The row is written first and locked until the copy is done, so the clean-up never
     * sees a row without its object, nor deletes an object a new row needs.
     *
     * @return true when the content is new
     */
    @Transactional
    public boolean keep(String incomingKey, Checked checked, long pushedBy, boolean audio) {
        boolean added = contents.add(checked.hash(), checked.size(), checked.crc32(), pushedBy, audio);
        if (added) {
            storage.copy(incomingKey, key(checked.hash()));
        }
        return added;
    }

    /**
     * Keeps a small content the server wrote itself (a mix's settings), unless it is stored
     * already; returns its hash.
     */
    @Transactional
    public String keepWritten(byte[] bytes, long writtenBy) {
        String hash = ContentHash.of(bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (contents.add(hash, bytes.length, crc.getValue(), writtenBy, false)) {
            storage.put(key(hash), bytes, "application/json");
        }
        return hash;
    }

    /**
     * Keeps a file the server made itself (a bounced master) as an audio content, unless it is
     * stored already, and has it analysed for listening; returns its hash.
     */
    @Transactional
    public String keepMadeAudio(Path file, long madeBy) throws IOException {
        String hash = ContentHash.of(file);
        if (store(file, hash, madeBy, "audio/flac", true)) {
            queueAnalysis(List.of(hash), madeBy);
        }
        return hash;
    }

    /**
     * Keeps files made outside projects (a generated piece's stems and MIDI file) under their names
     * for {@code holder}, replacing what it held before. Held contents stay until the holder
     * releases them; a project that takes them later refers to the same stored bytes.
     */
    @Transactional
    public List<ContentRepository.Held> hold(UUID holder, Map<String, Path> files, long madeBy) throws IOException {
        Map<String, String> hashes = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String hash = ContentHash.of(file.getValue());
            boolean audio = looksLikeAudio(file.getKey());
            String type = file.getKey().endsWith(".mid") ? "audio/midi" : audio ? "audio/wav" : "application/octet-stream";
            store(file.getValue(), hash, madeBy, type, audio);
            hashes.put(file.getKey(), hash);
        }
        contents.hold(holder, hashes);
        return contents.held(holder);
    }

    /** What {@code holder} holds, by name; empty when it holds nothing. */
    @Transactional
    public List<ContentRepository.Held> held(UUID holder) {
        return contents.held(holder);
    }

    /** Lets go of what {@code holder} holds; contents nothing else refers to are deleted by the next clean-up. */
    @Transactional
    public void release(UUID holder) {
        contents.release(holder);
    }

    /** Stores the file as a content unless it is there already; true when this call stored it. */
    private boolean store(Path file, String hash, long madeBy, String contentType, boolean audio) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) != -1; ) {
                crc.update(buffer, 0, read);
            }
        }
        if (!contents.add(hash, Files.size(file), crc.getValue(), madeBy, audio)) {
            return false;
        }
        storage.put(key(hash), file, contentType);
        return true;
    }

    /** Opens the content for reading; the caller closes it. */
    public InputStream open(String hash) {
        return storage.open(key(hash));
    }

    public URI downloadUrl(String hash, String fileName, Duration validFor) {
        return storage.presignDownload(key(hash), validFor, fileName);
    }

    /**
     * Deletes up to {@code limit} contents nothing has referred to for {@code grace}: their rows,
     * then their objects, in one transaction, so that a push sending the same content again waits
     * for it and then stores it anew.
     */
    @Transactional
    public int deleteUnreferenced(Duration grace, int limit) {
        List<String> deleted = contents.deleteUnreferenced(grace.toSeconds(), limit);
        storage.deleteAll(deleted.stream().map(ContentStore::key).toList());
        deleted.forEach(hash -> storage.deleteAllUnder(hlsPrefix(hash)));
        return deleted.size();
    }

    /** Deletes those of the named contents nothing refers to any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteIfUnreferenced(Collection<String> hashes) {
        List<String> deleted = contents.deleteIfUnreferenced(hashes);
        storage.deleteAll(deleted.stream().map(ContentStore::key).toList());
        deleted.forEach(hash -> storage.deleteAllUnder(hlsPrefix(hash)));
        return deleted.size();
    }

    /**
     * Queues the analysis of those of {@code hashes} that wait for it (or were not known to be
     * audio), within the caller's transaction, so the job exists exactly when the transaction
     * commits. A content is queued once, whichever projects push it; analysed and failed contents
     * are left as they are. Returns how many were queued.
     *
     * @param owner the member whose push brought them, whose share of the media workers they take
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queueAnalysis(Collection<String> hashes, long owner) {
        Map<String, UUID> queued = contents.queueAnalysis(hashes);
        queued.values().forEach(subject -> mediaJobs.start(ContentAnalysis.NAME, subject, owner));
        return queued.size();
    }

    /** The content's HLS playlist with its segments signed for a short while; empty until it is analysed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> signedPlaylist(String hash) {
        String prefix = hlsPrefix(hash);
        return contents.playback(hash).map(playback -> PlaylistSigner.sign(playback.playlist(),
                segment -> storage.presignDownload(prefix + segment, SEGMENT_URL_LIFETIME).toString()));
    }

    /** The content's waveform peaks (0..255 each) and length; empty until it is analysed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ContentPlayback> playback(String hash) {
        return contents.playback(hash);
    }

    /** Counts an attempt at the subject's analysis; empty when it no longer waits for one (done, failed, deleted). */
    @Transactional
    public Optional<ContentRepository.PendingAnalysis> beginAnalysis(UUID subject) {
        return contents.beginAnalysis(subject);
    }

    /**
     * Keeps what the analysis found. When the content was deleted meanwhile, the rendition just
     * stored goes too, and false is returned.
     */
    @Transactional
    public boolean analysed(String hash, ContentRepository.Analysed found) {
        if (contents.analysed(hash, found)) {
            return true;
        }
        storage.deleteAllUnder(hlsPrefix(hash));
        return false;
    }

    /** The analysis ended without a result; {@code note} says why, in plain words. */
    @Transactional
    public void analysisFailed(UUID subject, String note) {
        contents.analysisFailed(subject, note);
    }

    /** The analysis waits for another attempt. */
    @Transactional
    public void analysisRetrying(UUID subject, String note) {
        contents.analysisNote(subject, note);
    }
}
