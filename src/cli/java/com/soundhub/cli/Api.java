package com.soundhub.cli;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The site's {@code /api/v1}, with a personal access token. Answers of 400 and above become a
 * {@link CliException} that says what the site said, naming files and fields.
 */
final class Api {

    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;
    private final String site;
    private final String token;

    Api(HttpClient http, String site, String token) {
        this.http = http;
        this.site = site;
        this.token = token;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                // Redirects are followed by hand, so that the token never goes to another origin.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String site() {
        return site;
    }

    boolean hasToken() {
        return token != null;
    }

    JsonObject get(String path) {
        return json(request(path).GET());
    }

    JsonObject post(String path, JsonObject body) {
        return json(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)));
    }

    JsonObject delete(String path) {
        return json(request(path).DELETE());
    }

    /** The body of a {@code GET}, streamed; redirects to other origins are followed without the token. */
    InputStream download(String path) {
        URI uri = URI.create(site + path);
        for (int redirects = 0; ; redirects++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
            if (sameOrigin(uri)) {
                authorize(request);
            }
            HttpResponse<InputStream> response = send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()
                    && redirects < MAX_REDIRECTS) {
                closeQuietly(response.body());
                uri = uri.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            if (status >= 300) {
                String body;
                try (InputStream in = response.body()) {
                    body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    body = "";
                }
                throw failure(status, body);
            }
            return response.body();
        }
    }

    /** One {@code PUT} of bytes to an upload address the site gave (absolute, or relative to the site). */
    void put(String url, HttpRequest.BodyPublisher body) {
        URI uri = URI.create(site + "/").resolve(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/octet-stream")
                .PUT(body);
        if (sameOrigin(uri)) {
            authorize(request);
        }
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw failure(response.statusCode(), response.body());
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site + path))
                .timeout(CALL_TIMEOUT)
                .header("Accept", "application/json");
        authorize(request);
        return request;
    }

    private void authorize(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
    }

    private boolean sameOrigin(URI uri) {
        URI home = URI.create(site);
        return Objects.equals(home.getScheme(), uri.getScheme())
                && Objects.equals(home.getHost(), uri.getHost())
                && home.getPort() == uri.getPort();
    }

    private JsonObject json(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() >= 300) {
            throw failure(response.statusCode(), response.body());
        }
        String body = response.body();
        if (body == null || body.isBlank()) {
            return jakarta.json.JsonValue.EMPTY_JSON_OBJECT;
        }
        return Json.parseObject(body);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (ConnectException e) {
            throw new Unreachable("Cannot reach " + site + " (" + describe(e) + ")");
        } catch (HttpTimeoutException e) {
            throw new Unreachable(site + " did not answer in time");
        } catch (IOException e) {
            throw new Unreachable("Talking to " + site + " failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted");
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The site's error, in words: its status and message, then the files and fields it names. */
    private ServerError failure(int status, String body) {
        String message = null;
        List<String> details = new ArrayList<>();
        if (body != null && body.strip().startsWith("{")) {
            try {
                JsonObject error = Json.parseObject(body);
                message = Json.string(error, "error");
                for (JsonObject file : Json.objects(Json.array(error, "files"))) {
                    details.add(Json.string(file, "path") + ": " + Json.string(file, "message"));
                }
                JsonObject fields = Json.object(error, "fields");
                for (String field : fields.keySet()) {
                    for (String problem : Json.strings(Json.array(fields, field))) {
                        details.add(field + ": " + problem);
                    }
                }
            } catch (CliException notJson) {
                message = null;
            }
        }
        String said = message == null || message.isBlank() ? "" : ": " + message;
        String text = switch (status) {
            case 401 -> "Not logged in to " + site + said + " (the token is missing, wrong or revoked; run soundhub login " + site + ")";
            case 403 -> "Not allowed" + said + " (your role or a read-only token does not allow it)";
            case 404 -> "Not found" + said + " (it does not exist or you may not see it)";
            default -> "The site answered " + status + said;
        };
        return new ServerError(status, text, details);
    }

    /** An error answer of the site. */
    static final class ServerError extends CliException {

        private static final long serialVersionUID = 1L;

        private final int status;

        ServerError(int status, String message, List<String> details) {
            super(message, details);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** The site could not be reached, or the connection broke. */
    static final class Unreachable extends CliException {

        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to read from it
        }
    }
}
