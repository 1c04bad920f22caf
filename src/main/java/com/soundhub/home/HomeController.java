package com.soundhub.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.mvc.Controller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Controller
@RequestScoped
@Path("/")
public class HomeController {

    static final String VIEW = "home/index.html";

    @GET
    public String index() {
        return VIEW;
    }
}
