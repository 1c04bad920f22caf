package com.soundhub.projects;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.projects.contents.ContentHash;
import com.soundhub.storage.ContentDisposition;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The co-production API, as {@code docs/PROJECTS-API.md} describes it: projects, members,
 * revisions, diffs, zips, and push in three steps. Thin: each call is one service call, and the
 * services check who may do what.
 */
@Path("api/v1/projects")
@Tag(name = "Projects", description = "Co-production: projects, revisions, diffs, zips and pushes (docs/PROJECTS-API.md)")
@SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal access token from Settings → Access tokens")
@SecurityRequirement(name = "token")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProjectApi {

    static final int UNPROCESSABLE = 422;

    @Inject
    CurrentMember currentMember;

    @Inject
    ProjectService projects;

    @Inject
    RevisionService revisions;

    @Inject
    PushService pushes;

    @Inject
    RevisionZips zips;

    @Inject
    Validator validator;

    @Inject
    ProjectCoverService covers;

    @Inject
    ForkService forks;

    @POST
    @SignedIn
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a project; the caller becomes its owner")
    public Response create(JsonObject body) {
        ProjectForm form = form(body);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (ConstraintViolation<ProjectForm> violation : validator.validate(form)) {
            errors.computeIfAbsent(violation.getPropertyPath().toString().replace("instruments", "lookingFor"),
                    field -> new ArrayList<>()).add(violation.getMessage());
        }
        if (errors.isEmpty()) {
            try {
                Project project = projects.create(currentMember.requireId(), ProjectRules.details(form));
                return Response.status(Response.Status.CREATED)
                        .entity(ProjectJson.project(project, Optional.of(ProjectRole.OWNER)).build().toString()).build();
            } catch (RuleViolation violation) {
                errors.computeIfAbsent(violation.field() == null ? "title" : violation.field(), field -> new ArrayList<>())
                        .add(violation.getMessage());
            }
        }
        return unprocessable(errors);
    }

    @POST
    @Path("{id}/forks")
    @SignedIn
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fork a public or unlisted project whose licence allows derivatives: a new project owned by the caller"
            + " whose r1 holds the chosen revision's files (no bytes copied)")
    public Response fork(@PathParam("id") String id, JsonObject body) {
        ProjectAccess source = access(id);
        ForkForm form = ForkForm.of(body.containsKey("title") ? text(body, "title") : ForkForm.of(source.project()).getTitle(),
                text(body, "revision"),
                body.containsKey("license") ? text(body, "license") : source.project().getLicense().name(),
                body.containsKey("visibility") ? text(body, "visibility") : "PUBLIC");
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (ConstraintViolation<ForkForm> violation : validator.validate(form)) {
            errors.computeIfAbsent(violation.getPropertyPath().toString(), field -> new ArrayList<>()).add(violation.getMessage());
        }
        if (errors.isEmpty()) {
            try {
                Project fork = forks.fork(id, currentMember.requireId(), form);
                return Response.status(Response.Status.CREATED).entity(projectJson(fork, Optional.of(ProjectRole.OWNER))).build();
            } catch (RuleViolation violation) {
                if (violation.field() == null) {
                    return Response.status(Response.Status.CONFLICT).entity(ProjectJson.JSON.createObjectBuilder()
                            .add("status", 409).add("error", violation.getMessage()).build().toString()).build();
                }
                errors.computeIfAbsent(violation.field(), field -> new ArrayList<>()).add(violation.getMessage());
            }
        }
        return unprocessable(errors);
    }

    @GET
    @Path("{id}/lineage")
    @Operation(summary = "The fork tree the project belongs to, depth first, as far as the caller may see it")
    public String lineage(@PathParam("id") String id) {
        ProjectAccess access = access(id);
        JsonArrayBuilder list = ProjectJson.JSON.createArrayBuilder();
        forks.lineage(access.project(), currentMember.id()).forEach(node -> {
            JsonObjectBuilder json = ProjectJson.JSON.createObjectBuilder().add("id", node.project().getPublicId())
                    .add("title", node.project().getTitle()).add("license", node.project().getLicense().name())
                    .add("head", node.project().getHead()).add("depth", node.depth());
            if (node.project().getForkedFromRevision() != null) {
                json.add("forkedAt", node.project().getForkedFromRevision());
            }
            list.add(json);
        });
        return ProjectJson.JSON.createObjectBuilder().add("projects", list).build().toString();
    }

    private static Response unprocessable(Map<String, List<String>> errors) {
        JsonObjectBuilder fields = ProjectJson.JSON.createObjectBuilder();
        errors.forEach((field, messages) -> fields.add(field, ProjectJson.strings(messages)));
        return Response.status(UNPROCESSABLE).entity(ProjectJson.JSON.createObjectBuilder().add("status", UNPROCESSABLE)
                .add("error", "Please correct the marked fields.").add("fields", fields).build().toString()).build();
    }

    /** The project as {@link ProjectJson#project}, with where it was forked from as far as the caller may see it. */
    private String projectJson(Project project, Optional<ProjectRole> role) {
        JsonObjectBuilder json = ProjectJson.project(project, role);
        forks.origin(project, currentMember.id()).ifPresent(origin -> {
            JsonObjectBuilder from = ProjectJson.JSON.createObjectBuilder().add("revision", origin.revision());
            if (origin.source() != null) {
                from.add("id", origin.source().getPublicId()).add("title", origin.source().getTitle());
            }
            json.add("forkedFrom", from);
        });
        return json.build().toString();
    }

    @GET
    @SignedIn
    @Operation(summary = "The caller's projects")
    public String mine() {
        JsonArrayBuilder list = ProjectJson.JSON.createArrayBuilder();
        long me = currentMember.requireId();
        projects.cards(projects.projectsOf(me), Optional.of(me))
                .forEach(card -> list.add(ProjectJson.project(card.project(), Optional.ofNullable(card.role()))));
        return ProjectJson.JSON.createObjectBuilder().add("projects", list).build().toString();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A project, with the caller's role in it")
    public String project(@PathParam("id") String id) {
        ProjectAccess access = access(id);
        return projectJson(access.project(), access.role());
    }

    @GET
    @Path("{id}/members")
    @Operation(summary = "A project's members and their roles")
    public String members(@PathParam("id") String id) {
        ProjectAccess access = access(id);
        JsonArrayBuilder list = ProjectJson.JSON.createArrayBuilder();
        projects.members(access.project()).forEach(member -> list.add(ProjectJson.JSON.createObjectBuilder()
                .add("nickname", member.nickname()).add("role", member.role().name())));
        return ProjectJson.JSON.createObjectBuilder().add("members", list).build().toString();
    }

    @GET
    @Path("{id}/revisions")
    @Operation(summary = "Revisions, newest first (50 a page; before=N for older ones)")
    public String history(@PathParam("id") String id, @QueryParam("before") Integer before) {
        ProjectAccess access = access(id);
        JsonArrayBuilder list = ProjectJson.JSON.createArrayBuilder();
        revisions.history(access.project(), Optional.ofNullable(before))
                .forEach(summary -> list.add(ProjectJson.revision(summary.info(), summary.author())));
        return ProjectJson.JSON.createObjectBuilder().add("revisions", list).build().toString();
    }

    @GET
    @Path("{id}/revisions/{number}")
    @Operation(summary = "A revision with its whole manifest")
    public Response revision(@PathParam("id") String id, @PathParam("number") String number) {
        ProjectAccess access = access(id);
        RevisionService.RevisionView view = revisions.revision(access.project(), revisionNumber(number));
        // Written as it is generated: a manifest can list 10,000 files.
        StreamingOutput body = out -> ProjectJson.write(view, out);
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{id}/diff")
    @Operation(summary = "What changed from one revision to another (from=0 is the empty project)")
    public String diff(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        ProjectAccess access = access(id);
        RevisionService.Diff diff = revisions.diff(access.project(), revisionNumber(from), revisionNumber(to));
        JsonArrayBuilder changed = ProjectJson.JSON.createArrayBuilder();
        diff.changed().forEach(change -> changed.add(ProjectJson.JSON.createObjectBuilder().add("path", change.path())
                .add("from", ProjectJson.file(change.from())).add("to", ProjectJson.file(change.to()))));
        return ProjectJson.JSON.createObjectBuilder().add("from", diff.from()).add("to", diff.to())
                .add("added", ProjectJson.files(diff.added())).add("changed", changed)
                .add("removed", ProjectJson.files(diff.removed())).build().toString();
    }

    @GET
    @Path("{id}/revisions/{number}/zip")
    // JSON too: a refusal (404) is written as JSON, whatever the client accepts.
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(summary = "A revision as a streamed zip, or with since=M only what changed since rM plus .soundhub-changes.json")
    public Response zip(@PathParam("id") String id, @PathParam("number") String number, @QueryParam("since") String since) {
        ProjectAccess access = access(id);
        RevisionZips.Zip zip = zips.of(access.project(), revisionNumber(number),
                since == null || since.isBlank() ? Optional.empty() : Optional.of(revisionNumber(since)));
        return Response.ok(zip.body(), "application/zip")
                .header("Content-Disposition", ContentDisposition.attachment(zip.fileName()))
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @POST
    @SignedIn
    @Path("{id}/pushes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a push: the changes against its base, and where to upload the contents the server lacks;"
            + " with \"proposal\": true, the take of a proposal (audio files only, never removing any)")
    public Response startPush(@PathParam("id") String id, JsonObject body) {
        int base = body.containsKey("base") && body.get("base") instanceof JsonNumber number ? number.intValue() : -1;
        if (base < 0) {
            throw new PushRefused("Say which revision the folder started from in \"base\" (0 for a new project).");
        }
        List<PushedFile> files = new ArrayList<>();
        if (!(body.get("files") instanceof JsonArray listed)) {
            throw new PushRefused("List the folder's files in \"files\".");
        }
        for (JsonValue value : listed) {
            if (!(value instanceof JsonObject file) || !(file.get("path") instanceof JsonString path)
                    || !(file.get("size") instanceof JsonNumber size) || !(file.get("hash") instanceof JsonString hash)) {
                throw new PushRefused("Each file needs a path, a size and a hash.");
            }
            files.add(new PushedFile(path.getString(), size.longValue(), hash.getString()));
        }
        // A proposal's take travels the same way, by a member who may not push.
        PushService.Started started = body.getBoolean("proposal", false)
                ? pushes.startProposal(id, currentMember.requireId(), base, files)
                : pushes.start(id, currentMember.requireId(), base, files, body.getBoolean("wholeProject", false));
        JsonArrayBuilder missing = ProjectJson.JSON.createArrayBuilder();
        started.missing().forEach(target -> missing.add(target(target)));
        String json = ProjectJson.JSON.createObjectBuilder().add("id", started.id().toString()).add("base", started.base())
                .add("changes", ProjectJson.JSON.createObjectBuilder().add("added", ProjectJson.strings(started.added()))
                        .add("changed", ProjectJson.strings(started.changed())).add("removed", ProjectJson.strings(started.removed())))
                .add("missing", missing).build().toString();
        return Response.status(Response.Status.CREATED).entity(json).build();
    }

    @GET
    @SignedIn
    @Path("{id}/pushes/{push}/contents/{hash}")
    @Operation(summary = "Fresh upload URLs for one content of a push; for a multipart upload, which parts have arrived")
    public String uploadStatus(@PathParam("id") String id, @PathParam("push") String push, @PathParam("hash") String hash) {
        return target(pushes.uploadStatus(id, currentMember.requireId(), pushId(push), contentHash(hash))).build().toString();
    }

    @POST
    @SignedIn
    @Path("{id}/pushes/{push}/contents/{hash}")
    @Operation(summary = "Check an uploaded content (size and hash) and keep it")
    public String verify(@PathParam("id") String id, @PathParam("push") String push, @PathParam("hash") String hash) {
        long size = pushes.verify(id, currentMember.requireId(), pushId(push), contentHash(hash));
        return ProjectJson.JSON.createObjectBuilder().add("hash", hash).add("size", size).add("verified", true).build().toString();
    }

    @POST
    @SignedIn
    @Path("{id}/pushes/{push}/commit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Commit a push as the next revision, replayed onto newer work when others pushed since its base")
    public Response commit(@PathParam("id") String id, @PathParam("push") String push, JsonObject body) {
        PushService.Committed committed = pushes.commit(id, currentMember.requireId(), pushId(push), body.getString("message", ""));
        return Response.status(Response.Status.CREATED).entity(committed(committed)).build();
    }

    @POST
    @SignedIn
    @Path("{id}/revisions/{number}/revert")
    @Operation(summary = "A new revision holding the files of revision N")
    public Response revert(@PathParam("id") String id, @PathParam("number") String number) {
        PushService.Committed committed = pushes.revert(id, currentMember.requireId(), revisionNumber(number));
        return Response.status(Response.Status.CREATED).entity(committed(committed)).build();
    }

    @POST
    @SignedIn
    @Path("{id}/cover")
    @Consumes({"image/*", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "A new cover picture for the project (its owners only), sent as the body; answers its address")
    public Response cover(@PathParam("id") String id, InputStream body) {
        try {
            String url = covers.replace(id, currentMember.requireId(), body);
            return Response.ok(ProjectJson.JSON.createObjectBuilder().add("url", url).build().toString()).build();
        } catch (RuleViolation violation) {
            return Response.status(UNPROCESSABLE)
                    .entity(ProjectJson.JSON.createObjectBuilder().add("status", UNPROCESSABLE)
                            .add("error", violation.getMessage()).build().toString()).build();
        }
    }

    private static String committed(PushService.Committed committed) {
        JsonArrayBuilder replaced = ProjectJson.JSON.createArrayBuilder();
        committed.replaced().forEach(replacement -> replaced.add(ProjectJson.JSON.createObjectBuilder()
                .add("path", replacement.path()).add("revision", replacement.replacedRevision())));
        return ProjectJson.JSON.createObjectBuilder().add("revision", committed.revision()).add("parent", committed.parent())
                .add("base", committed.base()).add("rebased", committed.rebased()).add("replaced", replaced).build().toString();
    }

    private static JsonObjectBuilder target(PushService.UploadTarget target) {
        JsonObjectBuilder upload = ProjectJson.JSON.createObjectBuilder();
        if (target.url() != null) {
            upload.add("url", target.url().toString());
        } else {
            JsonArrayBuilder parts = ProjectJson.JSON.createArrayBuilder();
            target.parts().forEach(part -> parts.add(ProjectJson.JSON.createObjectBuilder().add("number", part.number())
                    .add("url", part.url().toString()).add("uploaded", part.uploaded())));
            upload.add("partSize", target.partSize()).add("parts", parts);
        }
        return ProjectJson.JSON.createObjectBuilder().add("hash", target.hash()).add("size", target.size())
                .add("paths", ProjectJson.strings(target.paths())).add("upload", upload);
    }

    private ProjectAccess access(String id) {
        return projects.access(id, currentMember.id());
    }

    private static ProjectForm form(JsonObject body) {
        ProjectForm form = new ProjectForm();
        form.setTitle(text(body, "title"));
        form.setDescription(text(body, "description"));
        form.setGenre(text(body, "genre"));
        form.setTempo(text(body, "tempo"));
        form.setKey(text(body, "key"));
        form.setTimeSignature(text(body, "timeSignature"));
        form.setLicense(body.containsKey("license") ? text(body, "license") : "ALL_RIGHTS_RESERVED");
        form.setVisibility(text(body, "visibility"));
        List<Short> wanted = new ArrayList<>();
        if (body.get("lookingFor") instanceof JsonArray instruments) {
            for (JsonValue instrument : instruments) {
                if (instrument instanceof JsonNumber number) {
                    wanted.add((short) number.intValue());
                }
            }
        }
        form.setInstruments(wanted);
        return form;
    }

    static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    static String text(JsonObject body, String name, String otherwise) {
        return body.containsKey(name) ? text(body, name) : otherwise;
    }

    static int revisionNumber(String text) {
        try {
            int number = Integer.parseInt(text == null ? "" : text.trim().replaceFirst("^r", ""));
            if (number < 0) {
                throw new NotFound();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
    }

    private static UUID pushId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    private static String contentHash(String text) {
        if (!ContentHash.looksValid(text)) {
            throw new NotFound();
        }
        return text;
    }
}
