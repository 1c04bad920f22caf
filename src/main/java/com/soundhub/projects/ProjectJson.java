package com.soundhub.projects;

import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** How projects, revisions and files are written in the API, as {@code docs/PROJECTS-API.md} describes. */
final class ProjectJson {

    private ProjectJson() {
    }

    static JsonObjectBuilder project(Project project, Optional<ProjectRole> role) {
        JsonObjectBuilder json = Json.createObjectBuilder()
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
        JsonArrayBuilder wanted = Json.createArrayBuilder();
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
        return Json.createObjectBuilder()
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
        JsonObjectBuilder json = Json.createObjectBuilder()
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

    static JsonArrayBuilder files(List<ProjectFile> files) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        files.forEach(file -> array.add(file(file)));
        return array;
    }

    static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
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
