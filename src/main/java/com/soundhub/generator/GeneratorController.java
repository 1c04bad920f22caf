package com.soundhub.generator;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.generator.composition.Composer;
import com.soundhub.generator.composition.CompositionRequest;
import com.soundhub.generator.composition.Genre;
import com.soundhub.generator.composition.Mood;
import com.soundhub.media.Waveform;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.projects.Project;
import com.soundhub.projects.contents.ContentRepository;
import com.soundhub.projects.contents.ContentStore;
import com.soundhub.recordings.Recording;
import com.soundhub.storage.ObjectStorage;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import com.soundhub.web.Forms;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.binding.BindingResult;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** The generator's pages: the form, a piece's page, its downloads, publishing. */
@RequestScoped
@SignedIn
@Path("generate")
public class GeneratorController {

    static final String FORM = "generator/form.html";
    static final String PIECE = "generator/piece.html";
    static final int TOO_MANY_REQUESTS = 429;
    static final int UNPROCESSABLE = 422;

    @Inject
    Models models;

    @Inject
    BindingResult binding;

    @Inject
    FormErrors errors;

    @Inject
    FlashMessages flash;

    @Inject
    CurrentMember currentMember;

    @Inject
    GeneratorService generations;

    @Inject
    ObjectStorage storage;

    @Inject
    ContentStore contents;

    @GET
    @Controller
    public String form() {
        return formPage(GenerationForm.defaults());
    }

    @POST
    @Controller
    public Response generate(@Valid @BeanParam GenerationForm form) {
        errors.addAll(binding);
        int status = UNPROCESSABLE;
        if (errors.isEmpty()) {
            try {
                return started(generations.request(currentMember.requireId(), GenerationRules.request(form)));
            } catch (RuleViolation violation) {
                if (violation.field() == null) {
                    status = TOO_MANY_REQUESTS;
                    errors.addToForm(violation.getMessage());
                } else {
                    errors.add(violation.field(), violation.getMessage());
                }
            }
        }
        return Response.status(status).entity(formPage(Forms.cutToSize(form))).build();
    }

    @POST
    @Path("surprise")
    @Controller
    public Response surprise() {
        return startOrExplain(GenerationRules.surprise());
    }

    @GET
    @Path("{id}")
    @Controller
    public String piece(@PathParam("id") String id) {
        Generation generation = generations.owned(currentMember.requireId(), uuid(id));
        models.put("generation", generation);
        models.put("status", GenerationStatus.of(generation));
        models.put("recording", generation.getRecording());
        models.put("peaks", Waveform.csv(generation.getRecording().getPeaks()));
        return PIECE;
    }

    @POST
    @Path("{id}/again")
    @Controller
    public Response again(@PathParam("id") String id) {
        CompositionRequest before = generations.owned(currentMember.requireId(), uuid(id)).request();
        return startOrExplain(new CompositionRequest(before.genre(), before.mood(), before.tempoBpm(),
                before.lengthSeconds(), before.requestedKey().orElse(null), GenerationRules.newSeed()));
    }

    @POST
    @Path("{id}/publish")
    @Controller
    public Response publish(@PathParam("id") String id) {
        try {
            Recording recording = generations.publish(currentMember.requireId(), uuid(id));
            flash.success("\"" + recording.getTitle() + "\" is published. Everyone can listen to it now.");
            return Response.seeOther(URI.create("/recordings/" + recording.getPublicId())).build();
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
            return Response.seeOther(URI.create("/generate/" + id)).build();
        }
    }

    /** A picture of the piece: notes over time, one colour per part. */
    @GET
    @Path("{id}/piano-roll.svg")
    @Produces("image/svg+xml")
    public Response pianoRoll(@PathParam("id") String id) {
        Generation generation = generations.owned(currentMember.requireId(), uuid(id));
        String svg = PianoRollSvg.render(new Composer().compose(generation.request()), generation.getTitle());
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(86_400);
        return Response.ok(svg).cacheControl(cache).build();
    }

    /**
     * Downloads come straight from storage, through a link signed for a few minutes; the stems are
     * zipped on the way out, read one by one from the content store.
     */
    @GET
    @Path("{id}/download/{what: midi|mix|stems}")
    public Response download(@PathParam("id") String id, @PathParam("what") String what) {
        long memberId = currentMember.requireId();
        Generation generation = generations.owned(memberId, uuid(id));
        if (generation.getState() != GenerationState.READY) {
            throw new NotFound();
        }
        String prefix = GenerationFiles.prefix(generation.getRecording());
        String base = fileName(generation.getTitle());
        if (what.equals("stems")) {
            List<ContentRepository.Held> stems = generations.stems(memberId, generation.getId());
            if (!stems.isEmpty()) {
                return Response.ok(zipOf(stems), "application/zip")
                        .header("Content-Disposition", "attachment; filename=\"" + base.replace("\"", "") + " stems.zip\"").build();
            }
        }
        URI link = switch (what) {
            case "midi" -> storage.presignDownload(prefix + GenerationFiles.MIDI, Duration.ofMinutes(5), base + ".mid");
            case "mix" -> storage.presignDownload(prefix + "original", Duration.ofMinutes(5), base + ".wav");
            default -> storage.presignDownload(prefix + GenerationFiles.LEGACY_STEMS, Duration.ofMinutes(5), base + " stems.zip");
        };
        return Response.seeOther(link).build();
    }

    private StreamingOutput zipOf(List<ContentRepository.Held> stems) {
        return out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(Deflater.BEST_SPEED);
                for (ContentRepository.Held stem : stems) {
                    zip.putNextEntry(new ZipEntry(stem.name().substring(GenerationFiles.STEMS_FOLDER.length())));
                    try (InputStream in = contents.open(stem.hash())) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
        };
    }

    /** The piece's stems and MIDI file become r1 of a new private project of the member's. */
    @POST
    @Path("{id}/project")
    @Controller
    public Response openAsProject(@PathParam("id") String id) {
        try {
            Project project = generations.openAsProject(currentMember.requireId(), uuid(id));
            flash.success("\u201c" + project.getTitle() + "\u201d is a project now: its stems and MIDI file are r1. "
                    + "Invite others, or make it public in its settings.");
            return Response.seeOther(URI.create("/projects/" + project.getPublicId())).build();
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
            return Response.seeOther(URI.create("/generate/" + id)).build();
        }
    }

    private Response startOrExplain(CompositionRequest request) {
        try {
            return started(generations.request(currentMember.requireId(), request));
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
            return Response.seeOther(URI.create("/generate")).build();
        }
    }

    private Response started(Generation generation) {
        return Response.seeOther(URI.create("/generate/" + generation.getId())).build();
    }

    private String formPage(GenerationForm form) {
        models.put("form", form);
        models.put("genres", List.of(Genre.values()));
        models.put("moods", List.of(Mood.values()));
        models.put("keys", GenerationRules.keys());
        models.put("pieces", generations.ownedBy(currentMember.requireId(), 20));
        return FORM;
    }

    static String fileName(String title) {
        String cleaned = title == null ? "" : title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").strip();
        return cleaned.isEmpty() ? "soundhub piece" : cleaned;
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }
}
