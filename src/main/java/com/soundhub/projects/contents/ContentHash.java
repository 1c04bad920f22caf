package com.soundhub.projects.contents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name of a file's content: SHA-256 over each 4 MiB block, then SHA-256 over the block digests
 * one after the other (the scheme Dropbox publishes as its content hash). Collision-safe like
 * SHA-256, yet a browser can compute it block by block in constant memory, and blocks line up with
 * the parts of a multipart upload. Written as 64 lowercase hex digits.
 *
 * <p>The command-line client is built with this very class (it needs nothing but the JDK).
 */
public final class ContentHash {

    public static final int BLOCK_SIZE = 4 * 1024 * 1024;

    private static final Pattern WRITTEN = Pattern.compile("[0-9a-f]{64}");

    private final MessageDigest overall = sha256();
    private final MessageDigest block = sha256();
    private int inBlock;
    private long size;

    /** True when {@code text} is written as a content hash is: 64 lowercase hex digits. */
    public static boolean looksValid(String text) {
        return text != null && WRITTEN.matcher(text).matches();
    }

    /** The hash of everything {@code in} holds, read to its end in blocks; the caller closes it. */
    public static String of(InputStream in) throws IOException {
        ContentHash hash = new ContentHash();
        byte[] buffer = new byte[256 * 1024];
        for (int read; (read = in.read(buffer)) != -1; ) {
            hash.update(buffer, 0, read);
        }
        return hash.finish();
    }

    /** The hash of a file, read in blocks. */
    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    public static String of(byte[] content) {
        ContentHash hash = new ContentHash();
        hash.update(content, 0, content.length);
        return hash.finish();
    }

    public void update(byte[] bytes, int offset, int length) {
        while (length > 0) {
            int take = Math.min(length, BLOCK_SIZE - inBlock);
            block.update(bytes, offset, take);
            inBlock += take;
            size += take;
            offset += take;
            length -= take;
            if (inBlock == BLOCK_SIZE) {
                overall.update(block.digest());
                inBlock = 0;
            }
        }
    }

    /** How many bytes went in so far. */
    public long size() {
        return size;
    }

    /** The hash of what went in; the object is done with afterwards. */
    public String finish() {
        if (inBlock > 0) {
            overall.update(block.digest());
            inBlock = 0;
        }
        return HexFormat.of().formatHex(overall.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
