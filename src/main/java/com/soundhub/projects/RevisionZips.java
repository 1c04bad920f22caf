package com.soundhub.projects;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.soundhub.projects.contents.ContentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * A revision, or only what changed since an older one, as a zip streamed straight from S3: each
 * file is read as it is written, so memory stays flat whatever the size and the first bytes leave
 * before the last file is read. Entries are stored, not deflated (audio does not compress), with
 * the size and CRC known in advance from the manifest; the JDK's writer switches to ZIP64 past
 * 4 GB or 65,535 entries by itself.
 */
@ApplicationScoped
public class RevisionZips {

    /** The first entry of a changes zip: what it holds and which paths to remove. */
    public static final String CHANGES_ENTRY = ".soundhub-changes.json";

    @Inject
    RevisionService revisions;

    @Inject
    ContentStore contents;

    /** A zip ready to stream, and the name to save it under. */
    public record Zip(String fileName, StreamingOutput body) {
    }

    /** Reads the manifest now, in the request; the returned body only reads S3. */
    public Zip of(Project project, int number, Optional<Integer> since) {
        List<ProjectFile> files;
        byte[] changes = null;
        String name = slug(project.getTitle()) + "-r" + number;
        if (since.isPresent()) {
            RevisionService.Diff diff = revisions.diff(project, since.get(), number);
            files = new ArrayList<>(diff.added());
            diff.changed().forEach(change -> files.add(change.to()));
            files.sort(java.util.Comparator.comparing(ProjectFile::path));
            changes = changesManifest(project, diff, files).getBytes(StandardCharsets.UTF_8);
            name += "-since-r" + since.get();
        } else {
            revisions.revision(project, number);
            files = revisions.files(project, number);
        }
        byte[] manifest = changes;
        return new Zip(name + ".zip", out -> write(files, manifest, out, contents::open));
    }

    /** Where the bytes of a content come from. */
    interface Contents {
        InputStream open(String hash) throws IOException;
    }

    /** Writes the zip of {@code files} (after the changes entry, when there is one) to {@code target}. */
    static void write(List<ProjectFile> files, byte[] changes, OutputStream target, Contents contents) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(target, 256 * 1024), StandardCharsets.UTF_8);
        if (changes != null) {
            CRC32 crc = new CRC32();
            crc.update(changes);
            zip.putNextEntry(stored(CHANGES_ENTRY, changes.length, crc.getValue(), null));
            zip.write(changes);
            zip.closeEntry();
        }
        byte[] buffer = new byte[256 * 1024];
        for (ProjectFile file : files) {
            zip.putNextEntry(stored(file.path(), file.size(), file.crc32(), FileTime.from(file.modifiedAt())));
            try (InputStream in = contents.open(file.hash())) {
                for (int read; (read = in.read(buffer)) != -1; ) {
                    zip.write(buffer, 0, read);
                }
            }
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private static ZipEntry stored(String path, long size, long crc, FileTime time) {
        ZipEntry entry = new ZipEntry(path);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc);
        if (time != null) {
            entry.setLastModifiedTime(time);
        }
        return entry;
    }

    private static String changesManifest(Project project, RevisionService.Diff diff, List<ProjectFile> files) {
        JsonArrayBuilder removed = ProjectJson.JSON.createArrayBuilder();
        diff.removed().forEach(file -> removed.add(file.path()));
        JsonArrayBuilder listed = ProjectJson.JSON.createArrayBuilder();
        files.forEach(file -> listed.add(ProjectJson.file(file)));
        return ProjectJson.JSON.createObjectBuilder().add("project", project.getPublicId()).add("from", diff.from()).add("to", diff.to())
                .add("removed", removed).add("files", listed).build().toString();
    }

    static String slug(String title) {
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "project" : slug.length() > 40 ? slug.substring(0, 40) : slug;
    }
}
