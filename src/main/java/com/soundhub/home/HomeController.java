package com.soundhub.home;

import com.soundhub.recordings.RecordingService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Controller
@RequestScoped
@Path("/")
public class HomeController {

    static final String VIEW = "home/index.html";

    @Inject
    Models models;

    @Inject
    RecordingService recordings;

    @GET
    public String index() {
        models.put("latest", recordings.latestPublic(24));
        return VIEW;
    }
}
