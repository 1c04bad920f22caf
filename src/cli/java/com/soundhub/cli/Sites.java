package com.soundhub.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Site addresses and project references ({@code http://host/projects/<id>} or a bare id). */
final class Sites {

    private static final Pattern PROJECT_URL = Pattern.compile("^(https?://[^?#]*?)/projects/([A-Za-z0-9_-]+)/?(?:[?#].*)?$");
    private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9_-]+");

    /** A project on a site. */
    record ProjectRef(String site, String id) {
    }

    private Sites() {
    }

    /** The site's address in the one form credentials are kept under: scheme, host, port, path without a trailing slash. */
    static String normal(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new UsageException("Not a site address: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new UsageException("Not a site address (http:// or https://): " + url);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path;
    }

    /** A project URL, or a bare id on {@code currentSite} (which may be null when nobody logged in). */
    static ProjectRef project(String reference, String currentSite) {
        Matcher url = PROJECT_URL.matcher(reference.strip());
        if (url.matches()) {
            return new ProjectRef(normal(url.group(1)), url.group(2));
        }
        if (reference.startsWith("http://") || reference.startsWith("https://")) {
            throw new UsageException("Not a project address (http://host/projects/<id>): " + reference);
        }
        if (!PROJECT_ID.matcher(reference).matches()) {
            throw new UsageException("Not a project address or id: " + reference);
        }
        if (currentSite == null) {
            throw new CliException("Project " + reference + " on which site? Give the project's address "
                    + "(http://host/projects/" + reference + ") or log in first (soundhub login URL)");
        }
        return new ProjectRef(currentSite, reference);
    }

    static String projectUrl(String site, String project) {
        return site + "/projects/" + project;
    }
}
