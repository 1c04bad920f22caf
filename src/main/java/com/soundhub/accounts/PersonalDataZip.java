package com.soundhub.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.soundhub.storage.ObjectStorage;
import com.soundhub.storage.StoredObjectNotFoundException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/** The zip a member's data is written into, entry by entry, as it is sent. */
public final class PersonalDataZip implements AutoCloseable {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    private final ZipOutputStream zip;
    private final Set<String> names = new HashSet<>();

    PersonalDataZip(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // Audio is compressed already: the fastest level keeps the download at storage speed.
        zip.setLevel(Deflater.BEST_SPEED);
    }

    /** Writes {@code value} (maps, lists, strings, numbers) as a JSON file. */
    public void json(String path, Object value) throws IOException {
        entry(path);
        zip.write(JSON.toJson(value).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    public void text(String path, String text) throws IOException {
        entry(path);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Copies a stored file into the zip, closing {@code content}. */
    public void file(String path, InputStream content) throws IOException {
        try (content) {
            entry(path);
            content.transferTo(zip);
            zip.closeEntry();
        }
    }

    /** Copies the stored object {@code key} into the zip; one missing from storage is left out, not the whole download. */
    public void stored(String path, ObjectStorage storage, String key) throws IOException {
        InputStream content;
        try {
            content = storage.open(key);
        } catch (StoredObjectNotFoundException gone) {
            return;
        }
        file(path, content);
    }

    /** A file name safe in a zip entry: no folders, no control characters. */
    public static String safeName(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "file" + cleaned : cleaned;
    }

    private void entry(String path) throws IOException {
        String unique = path;
        for (int copy = 2; !names.add(unique); copy++) {
            int dot = path.lastIndexOf('.');
            unique = dot > path.lastIndexOf('/') ? path.substring(0, dot) + " (" + copy + ")" + path.substring(dot) : path + " (" + copy + ")";
        }
        zip.putNextEntry(new ZipEntry(unique));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
