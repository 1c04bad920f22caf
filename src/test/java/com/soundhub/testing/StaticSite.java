package com.soundhub.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.soundhub.web.security.ContentSecurityPolicy;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The site's static files ({@code src/main/webapp/static}) served on a loopback port, without the
 * application, for browser tests of scripts that need no server: {@code /static/...} as the site
 * has it, and {@code /} an empty page. Every answer carries the pages' Content-Security-Policy, so
 * what runs here also runs under it. {@code http://127.0.0.1} is a secure context, so WebCrypto
 * and workers are there as on the real site.
 */
public final class StaticSite implements AutoCloseable {

    private static final Path STATIC = Path.of("src/main/webapp/static").toAbsolutePath().normalize();
    private static final String BLANK = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>SoundHub scripts</title></head><body></body></html>";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    public StaticSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    /** Answers requests under {@code path} with {@code handler} (a stand-in for the API, say). */
    public void route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Security-Policy",
                        ContentSecurityPolicy.forPages("https://storage.invalid"));
                handler.handle(exchange);
            }
        });
    }

    /** Serves {@code html} at {@code path}. */
    public void page(String path, String html) {
        route(path, exchange -> send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Security-Policy",
                    ContentSecurityPolicy.forPages("https://storage.invalid"));
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", BLANK.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = path.startsWith("/static/") ? STATIC.resolve(path.substring("/static/".length())).normalize() : null;
            if (file == null || !file.startsWith(STATIC) || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain", "Not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, contentType(file), Files.readAllBytes(file));
        }
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }

    public static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
