package com.soundhub.projects;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The zip a checkout streams: stored entries with real times, readable by standard readers, ZIP64 when needed. */
class RevisionZipsTest {

    private static final Instant TIME = Instant.parse("2026-11-30T18:45:10Z");

    private static ProjectFile file(String path, long size, long crc) {
        return new ProjectFile(path, "h" + path, size, 1, TIME, null, null, null, crc);
    }

    @Test
    void entriesAreStoredWithTheirRevisionsTimeAndTheChangesListComesFirst(@TempDir java.nio.file.Path folder) throws Exception {
        byte[] drums = "drums".getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(drums);
        byte[] changes = "{\"removed\":[\"old.wav\"]}".getBytes(StandardCharsets.UTF_8);
        java.nio.file.Path zip = folder.resolve("r2.zip");
        try (OutputStream out = java.nio.file.Files.newOutputStream(zip)) {
            RevisionZips.write(List.of(file("stems/drums.wav", drums.length, crc.getValue())), changes, out,
                    hash -> new java.io.ByteArrayInputStream(drums));
        }
        try (ZipFile read = new ZipFile(zip.toFile())) {
            List<String> names = read.stream().map(ZipEntry::getName).toList();
            assertThat(names).containsExactly(RevisionZips.CHANGES_ENTRY, "stems/drums.wav");
            ZipEntry entry = read.getEntry("stems/drums.wav");
            assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(entry.getLastModifiedTime().toInstant()).isEqualTo(TIME);
            assertThat(read.getInputStream(entry).readAllBytes()).isEqualTo(drums);
        }
    }

    @Test
    void moreThan65535EntriesUseZip64() throws Exception {
        List<ProjectFile> files = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            files.add(file("takes/" + i + ".txt", 0, 0));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RevisionZips.write(files, null, out, hash -> InputStream.nullInputStream());
        byte[] zip = out.toByteArray();
        assertThat(indexOf(zip, new byte[]{0x50, 0x4b, 0x06, 0x06})).as("ZIP64 end of central directory").isPositive();
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            while (in.getNextEntry() != null) {
                entries++;
            }
        }
        assertThat(entries).isEqualTo(70_000);
    }

    @Test
    void aFileOverFourGigabytesStreamsThroughInConstantMemoryAndReadsBack() throws Exception {
        long size = (4L << 30) + 1234;
        CRC32 crc = new CRC32();
        byte[] block = new byte[1 << 20];
        for (long left = size; left > 0; left -= Math.min(left, block.length)) {
            crc.update(block, 0, (int) Math.min(left, block.length));
        }
        PipedInputStream pipe = new PipedInputStream(1 << 20);
        PipedOutputStream into = new PipedOutputStream(pipe);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try (into) {
                RevisionZips.write(List.of(file("long-take.wav", size, crc.getValue())), null, into, hash -> zeros(size));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (ZipInputStream in = new ZipInputStream(pipe)) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry.getName()).isEqualTo("long-take.wav");
            long read = 0;
            for (int n; (n = in.read(block)) != -1; ) {
                read += n;
            }
            assertThat(read).isEqualTo(size);
            assertThat(in.getNextEntry()).isNull();
        }
        writing.join();
    }

    private static InputStream zeros(long size) {
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
