package com.soundhub.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * URLs of the front-end assets, with versions in the path so that they can be cached for a year
 * and change URL when they change.
 */
@SameForEveryViewer
@Named("assets")
@ApplicationScoped
public class Assets {

    private Properties build;

    @PostConstruct
    void load() {
        build = new Properties();
        try (InputStream in = Assets.class.getResourceAsStream("/soundhub-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String getPico() {
        return "/webjars/picocss__pico/" + build.getProperty("webjar.pico") + "/css/pico.min.css";
    }

    public String getHtmx() {
        return "/webjars/htmx.org/" + build.getProperty("webjar.htmx") + "/dist/htmx.min.js";
    }

    public String getHls() {
        return "/webjars/hls.js/" + build.getProperty("webjar.hlsjs") + "/dist/hls.light.min.js";
    }

    /** A site file under {@code /static}, with the build stamp in its URL so a new build is fetched anew. */
    public String site(String path) {
        return "/static/" + path + "?v=" + build.getProperty("build.timestamp", "dev").replaceAll("[^0-9A-Za-z]", "");
    }
}
