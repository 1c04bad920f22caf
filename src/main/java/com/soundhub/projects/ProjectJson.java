package com.soundhub.projects;

import java.io.OutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.spi.JsonProvider;

/** How projects, revisions and files are written in the API, as {@code docs/PROJECTS-API.md} describes. */
final class ProjectJson {

    /**
     * The JSON provider, looked up once: each of {@code Json}'s static methods looks it up anew
     * through the service loader, scanning the application's jars, which made a 10,000-file
     * manifest take a second to write.
     */
    static final JsonProvider JSON = JsonProvider.provider();

    private ProjectJson() {
    }

    static JsonObjectBuilder project(Project project, Optional<ProjectRole> role) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", project.getPublicId())
                .add("title", project.getTitle())
                .add("description", project.getDescription())
                .add("license", project.getLicense().name())
                .add("visibility", project.getVisibility().name())
                .add("head", project.getHead());
        optional(json, "genre", project.getGenreId());
        optional(json, "tempo", project.getTempo());
        optional(json, "key", project.getKey());
        optional(json, "timeSignature", project.getTimeSignature());
        JsonArrayBuilder wanted = JSON.createArrayBuilder();
        project.getWantedInstruments().forEach(id -> wanted.add(id));
        json.add("lookingFor", wanted);
        if (role.isPresent()) {
            json.add("role", role.get().name());
        } else {
            json.addNull("role");
        }
        return json;
    }

    static JsonObjectBuilder revision(RevisionInfo info, String author) {
        return JSON.createObjectBuilder()
                .add("number", info.number())
                .add("parent", info.parent())
                .add("base", info.base())
                .add("author", author)
                .add("message", info.message())
                .add("createdAt", info.createdAt().toString())
                .add("added", info.added())
                .add("changed", info.changed())
                .add("removed", info.removed())
                .add("files", info.fileCount())
                .add("size", info.totalSize());
    }

    static JsonObjectBuilder file(ProjectFile file) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("path", file.path())
                .add("hash", file.hash())
                .add("size", file.size())
                .add("revision", file.sinceRevision())
                .add("modifiedAt", file.modifiedAt().toString());
        optional(json, "durationMs", file.durationMs());
        optional(json, "sampleRate", file.sampleRate());
        optional(json, "channels", file.channels());
        if (file.analysis() != null && !"NONE".equals(file.analysis())) {
            json.add("analysis", file.analysis());
            optional(json, "analysisNote", file.analysisNote());
        }
        return json;
    }

    /**
     * A revision with its files, as {@link #revision} and {@link #file} write them (ProjectJsonTest
     * holds the two spellings of a file to each other), generated
     * straight onto {@code out} instead of built as objects first. The files of one push share
     * their time, so each time is formatted once.
     */
    static void write(RevisionService.RevisionView view, OutputStream out) {
        RevisionInfo info = view.info();
        JsonGenerator json = JSON.createGenerator(out);
        json.writeStartObject()
                .write("number", info.number())
                .write("parent", info.parent())
                .write("base", info.base())
                .write("author", view.author())
                .write("message", info.message())
                .write("createdAt", info.createdAt().toString())
                .write("added", info.added())
                .write("changed", info.changed())
                .write("removed", info.removed())
                .writeStartArray("files");
        Map<Instant, String> times = new HashMap<>();
        for (ProjectFile file : view.files()) {
            json.writeStartObject()
                    .write("path", file.path())
                    .write("hash", file.hash())
                    .write("size", file.size())
                    .write("revision", file.sinceRevision())
                    .write("modifiedAt", times.computeIfAbsent(file.modifiedAt(), Instant::toString));
            optional(json, "durationMs", file.durationMs());
            optional(json, "sampleRate", file.sampleRate());
            optional(json, "channels", file.channels());
            if (file.analysis() != null && !"NONE".equals(file.analysis())) {
                json.write("analysis", file.analysis());
                if (file.analysisNote() != null) {
                    json.write("analysisNote", file.analysisNote());
                }
            }
            json.writeEnd();
        }
        json.writeEnd().write("size", info.totalSize()).writeStartArray("replaced");
        for (RevisionRepository.Replacement replacement : view.replaced()) {
            json.writeStartObject().write("path", replacement.path()).write("revision", replacement.replacedRevision()).writeEnd();
        }
        json.writeEnd().writeEnd();
        // Flushed, not closed: the container closes the response.
        json.flush();
    }

    private static void optional(JsonGenerator json, String name, Integer value) {
        if (value != null) {
            json.write(name, value.longValue());
        }
    }

    static JsonArrayBuilder files(List<ProjectFile> files) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        files.forEach(file -> array.add(file(file)));
        return array;
    }

    static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value instanceof Number number) {
            json.add(name, number.longValue());
        } else if (value != null) {
            json.add(name, value.toString());
        }
    }
}
