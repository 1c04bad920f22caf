package com.soundhub.projects;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
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
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * The co-production pages a project's visitors and members read: browsing, one's own projects and
 * invitations, a new project, the project, its files, history, revisions and differences, and the
 * push page. Every page is rendered for its viewer (never one copy for everyone): what a project
 * shows depends on who looks. The services decide who may see and do what.
 */
@RequestScoped
@Path("projects")
public class ProjectPages {

    static final int ACTIVITY_LINES = 20;

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
    ProjectService projects;

    @Inject
    RevisionService revisions;

    @Inject
    PushService pushes;

    @Inject
    ProjectChoices choices;

    @Inject
    ForkService forks;

    @Inject
    MasterService masters;

    @Inject
    FileCommentService fileComments;

    @GET
    @Controller
    public String browse(@QueryParam("instrument") String instrument) {
        Optional<Short> lookingFor = Optional.ofNullable(instrument).filter(text -> text.matches("[0-9]{1,4}"))
                .map(Short::valueOf);
        models.put("cards", projects.cards(projects.publicProjects(lookingFor), currentMember.id()));
        models.put("instruments", choices.instruments());
        models.put("instrument", lookingFor.orElse(null));
        return "projects/browse.html";
    }

    @GET
    @Path("mine")
    @Controller
    @SignedIn
    public String mine() {
        long me = currentMember.requireId();
        models.put("cards", projects.cards(projects.projectsOf(me), Optional.of(me)));
        models.put("invitations", projects.invitationsFor(me));
        return "projects/mine.html";
    }

    @POST
    @Path("invitations/{invitation: [0-9]{1,18}}/{answer: accept|decline}")
    @Controller
    @SignedIn
    public Response answer(@PathParam("invitation") long invitation, @PathParam("answer") String answer) {
        boolean accept = "accept".equals(answer);
        String project = projects.answer(invitation, currentMember.requireId(), accept);
        if (accept) {
            flash.success("Welcome to the project.");
            return Response.seeOther(URI.create("/projects/" + project)).build();
        }
        flash.info("Invitation declined.");
        return Response.seeOther(URI.create("/projects/mine")).build();
    }

    @GET
    @Path("new")
    @Controller
    @SignedIn
    public String newProject() {
        return formPage(ProjectForm.blank());
    }

    @POST
    @Path("new")
    @Controller
    @SignedIn
    public Response create(@Valid @BeanParam ProjectForm form) {
        errors.addAll(binding);
        if (errors.isEmpty()) {
            try {
                Project project = projects.create(currentMember.requireId(), ProjectRules.details(form));
                flash.success("Your project is ready. Push its first revision when you have files to share.");
                return Response.seeOther(URI.create("/projects/" + project.getPublicId())).build();
            } catch (RuleViolation violation) {
                addError(violation);
            }
        }
        return Response.status(422).entity(formPage(Forms.cutToSize(form))).build();
    }

    private String formPage(ProjectForm form) {
        models.put("form", form);
        choices.addTo(models);
        return "projects/new.html";
    }

    @GET
    @Path("{id}")
    @Controller
    public String show(@PathParam("id") String id) {
        ProjectAccess access = access(id);
        Project project = access.project();
        RevisionService.FilePage files = revisions.filePage(project, project.getHead(), Optional.empty());
        models.put("files", files.files());
        models.put("moreFiles", files.nextAfter() != null);
        models.put("members", projects.members(project));
        models.put("activity", projects.activity(project, ACTIVITY_LINES));
        models.put("origin", forks.origin(project, currentMember.id()).orElse(null));
        models.put("forkCount", forks.publicForkCount(project));
        models.put("forkable", forks.whyNotForkable(project).isEmpty());
        models.put("published", masters.list(project).stream().map(MasterService.MasterView::master)
                .filter(master -> master.recordingPublicId() != null).toList());
        return "projects/show.html";
    }

    /** One file of the newest (or the given) revision: a short-lived link to storage, named after the file. */
    @GET
    @Path("{id}/files/{hash}")
    public Response file(@PathParam("id") String id, @PathParam("hash") String hash, @QueryParam("path") String path,
                         @QueryParam("revision") String revision) {
        Project project = projects.access(id, currentMember.id()).project();
        Optional<Integer> number = revision == null || revision.isBlank() ? Optional.empty() : Optional.of(number(revision));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return Response.seeOther(revisions.downloadUrl(project, number, hash, path)).cacheControl(noStore).build();
    }

    @GET
    @Path("{id}/revisions")
    @Controller
    public String history(@PathParam("id") String id, @QueryParam("before") String before) {
        ProjectAccess access = access(id);
        Optional<Integer> from = before == null || !before.matches("[0-9]{1,9}") ? Optional.empty() : Optional.of(Integer.valueOf(before));
        List<RevisionService.RevisionSummary> page = revisions.history(access.project(), from);
        models.put("revisions", page);
        int oldest = page.isEmpty() ? 0 : page.get(page.size() - 1).info().number();
        models.put("older", page.size() == RevisionService.HISTORY_PAGE && oldest > 1 ? oldest : null);
        return "projects/history.html";
    }

    @GET
    @Path("{id}/revisions/{number}")
    @Controller
    public String revision(@PathParam("id") String id, @PathParam("number") String number, @QueryParam("after") String after) {
        ProjectAccess access = access(id);
        RevisionService.RevisionView view = revisions.summary(access.project(), number(number));
        models.put("view", view);
        RevisionService.FilePage files = revisions.filePage(access.project(), view.info().number(),
                Optional.ofNullable(after).filter(path -> !path.isEmpty()));
        models.put("files", files.files());
        models.put("nextAfter", files.nextAfter());
        models.put("after", after);
        models.put("numbers", numbers(access.project()));
        return "projects/revision.html";
    }

    @POST
    @Path("{id}/revisions/{number}/revert")
    @Controller
    @SignedIn
    public Response revert(@PathParam("id") String id, @PathParam("number") String number) {
        int target = number(number);
        try {
            PushService.Committed committed = pushes.revert(id, currentMember.requireId(), target);
            flash.success("r" + committed.revision() + " holds what r" + target + " held.");
            return Response.seeOther(URI.create("/projects/" + id + "/revisions/" + committed.revision())).build();
        } catch (PushRefused refused) {
            flash.error(refused.getMessage());
            return Response.seeOther(URI.create("/projects/" + id + "/revisions/" + target)).build();
        }
    }

    /** One file: the revisions in which it got new content, its newest take to listen to, and comments on it. */
    @GET
    @Path("{id}/history")
    @Controller
    public String fileHistory(@PathParam("id") String id, @QueryParam("path") String path) {
        return filePage(access(id), path, "", "");
    }

    @POST
    @Path("{id}/history/comments")
    @Controller
    @SignedIn
    public Response commentOnFile(@PathParam("id") String id, @FormParam("path") String path, @FormParam("body") String body,
                                  @FormParam("at") String at) {
        URI back = UriBuilder.fromPath("/projects/{id}/history").queryParam("path", path).fragment("comments").build(id);
        try {
            fileComments.comment(id, currentMember.requireId(), path, body, CommentRules.moment(at));
            return Response.seeOther(back).build();
        } catch (RuleViolation violation) {
            if (violation.field() == null) {
                flash.error(violation.getMessage());
                return Response.seeOther(back).build();
            }
            errors.add(violation.field(), violation.getMessage());
            return Response.status(422).entity(filePage(access(id), path, ProposalPages.cut(body, ProposalPages.MAX_TYPED),
                    ProposalPages.cut(at, 12))).build();
        }
    }

    private String filePage(ProjectAccess access, String path, String commentBody, String commentAt) {
        if (path == null || path.isBlank()) {
            throw new NotFound();
        }
        Project project = access.project();
        Optional<ProjectFile> current = revisions.file(project, project.getHead(), path);
        models.put("path", path);
        models.put("changes", revisions.changesOf(project, path));
        models.put("current", current.orElse(null));
        models.put("comments", fileComments.comments(project, path, current.map(ProjectFile::hash)));
        models.put("commentBody", commentBody);
        models.put("commentAt", commentAt);
        return "projects/file-history.html";
    }

    @GET
    @Path("{id}/diff")
    @Controller
    public String diff(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        ProjectAccess access = access(id);
        Project project = access.project();
        int newer = to == null || to.isBlank() ? project.getHead() : number(to);
        int older = from == null || from.isBlank() ? Math.max(0, newer - 1) : number(from);
        models.put("diff", revisions.diff(project, older, newer));
        models.put("numbers", numbers(project));
        return "projects/diff.html";
    }

    @GET
    @Path("{id}/push")
    @Controller
    @SignedIn
    public String push(@PathParam("id") String id) {
        ProjectAccess access = projects.requirePusher(id, currentMember.requireId());
        models.put("project", access.project());
        models.put("access", access);
        return "projects/push.html";
    }

    /** The project as the viewer may see it, with what every project page shows of it. */
    private ProjectAccess access(String id) {
        ProjectAccess access = projects.access(id, currentMember.id());
        models.put("project", access.project());
        models.put("access", access);
        models.put("card", projects.cards(List.of(access.project()), Optional.empty()).get(0));
        return access;
    }

    /** Every revision number, newest first, down to 0 (the empty project), for the compare form. */
    private static List<Integer> numbers(Project project) {
        List<Integer> numbers = new ArrayList<>();
        for (int number = project.getHead(); number >= 0; number--) {
            numbers.add(number);
        }
        return numbers;
    }

    static int number(String text) {
        return ProjectApi.revisionNumber(text);
    }

    private void addError(RuleViolation violation) {
        if (violation.field() == null) {
            errors.addToForm(violation.getMessage());
        } else {
            errors.add(violation.field(), violation.getMessage());
        }
    }
}
