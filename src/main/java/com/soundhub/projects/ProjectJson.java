package com.soundhub.projects;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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
        return json;
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
