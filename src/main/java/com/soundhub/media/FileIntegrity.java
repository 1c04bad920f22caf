package com.soundhub.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks the size a WAV (RIFF) or AIFF (FORM) file announces in its header against its real size.
 * Decoders play a cut-off WAV without complaint, and ffprobe then reports the shorter length, so
 * only the header tells that the end is missing.
 */
public final class FileIntegrity {

    /** A few bytes of slack: some writers round or pad the last chunk. */
    private static final long SLACK = 16;

    private FileIntegrity() {
    }

    /** The header bytes {@link #missingBytes(byte[], long)} needs. */
    public static final int HEADER_BYTES = 12;

    /** How many bytes are missing from the end, when the header announces more than the file has. */
    public static Optional<Long> missingBytes(Path file) throws IOException {
        byte[] header = new byte[HEADER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, HEADER_BYTES) < HEADER_BYTES) {
                return Optional.empty();
            }
        }
        return missingBytes(header, Files.size(file));
    }

    /** As {@link #missingBytes(Path)}, from the file's first bytes and its size. */
    public static Optional<Long> missingBytes(byte[] header, long actual) {
        if (header.length < HEADER_BYTES) {
            return Optional.empty();
        }
        String magic = new String(header, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
        long declared;
        if (magic.equals("RIFF")) {
            declared = Integer.toUnsignedLong(ByteBuffer.wrap(header, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()) + 8;
        } else if (magic.equals("FORM")) {
            declared = Integer.toUnsignedLong(ByteBuffer.wrap(header, 4, 4).order(ByteOrder.BIG_ENDIAN).getInt()) + 8;
        } else {
            return Optional.empty();
        }
        // 0xFFFFFFFF (and 0) mark a header written before the length was known, as streams do.
        if (declared <= 8 || declared >= 0xFFFFFFFFL) {
            return Optional.empty();
        }
        return declared - actual > SLACK ? Optional.of(declared - actual) : Optional.empty();
    }
}
