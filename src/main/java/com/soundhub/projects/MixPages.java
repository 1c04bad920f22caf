package com.soundhub.projects;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.soundhub.accounts.CurrentMember;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The mixer: a revision's audio files as tracks played together in the browser (js/projects/mixer.js). */
@RequestScoped
@Path("projects/{id}/mixer")
public class MixPages {

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    ProjectService projects;

    @Inject
    MixService mixes;

    @GET
    @Controller
    public String mixer(@PathParam("id") String id, @QueryParam("revision") String revision) {
        ProjectAccess access = projects.access(id, currentMember.id());
        Project project = access.project();
        Optional<Integer> number = revision == null || revision.isBlank() ? Optional.empty()
                : Optional.of(ProjectApi.revisionNumber(revision));
        models.put("project", project);
        models.put("access", access);
        models.put("mix", mixes.mix(project, number));
        List<Integer> numbers = new ArrayList<>();
        for (int n = project.getHead(); n >= 1; n--) {
            numbers.add(n);
        }
        models.put("numbers", numbers);
        return "projects/mixer.html";
    }
}
