package com.soundhub.cli;

import jakarta.json.JsonObject;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code soundhub} command: pushes project folders to a SoundHub site and checks them out.
 * {@link #run} runs one command in-process and gives its exit code: 0 done, 1 failed, 2 wrong
 * command line.
 */
public final class Cli {

    static final String USAGE = """
            soundhub — push and check out SoundHub project folders

            Usage:
              soundhub login URL [--token TOKEN]     check a personal access token and keep it for the site
              soundhub logout [URL]                  revoke the token on the site and forget it
              soundhub checkout PROJECT DIR [--rev N] [--force]
                                                     bring DIR to revision N (default: the newest)
              soundhub status [DIR]                  local changes, and whether the project moved on
              soundhub push [DIR] -m MESSAGE         push the folder's changes as a new revision
              soundhub log [DIR]                     the project's revisions, newest first
              soundhub help                          this text

            PROJECT is a project's address (https://host/projects/ID) or its ID on the site last logged in to.
            DIR defaults to the current folder. Tokens are made on the site's settings page and kept in
            ~/.soundhub/credentials; the environment variable SOUNDHUB_TOKEN, when set, is used instead.
            A checkout never overwrites or removes files changed in the folder unless --force is given.
            Exit codes: 0 done, 1 failed, 2 wrong command line.
            """;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Path home;
    private final Map<String, String> env;
    private final InputStream in;
    private final Console console;
    private final PrintStream out;
    private final PrintStream err;
    private HttpClient http;
    ZoneId zone = ZoneId.systemDefault();
    Duration retryPause = Duration.ofSeconds(2);
    int uploadThreads = 4;
    int attempts = 4;

    /**
     * A client with its own home folder (for {@code .soundhub/credentials}), environment and input,
     * as tests drive it; {@link #run} uses the real ones.
     */
    public Cli(Path home, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        this(home, env, in, null, out, err);
    }

    private Cli(Path home, Map<String, String> env, InputStream in, Console console, PrintStream out, PrintStream err) {
        this.home = home;
        this.env = env;
        this.in = in;
        this.console = console;
        this.out = out;
        this.err = err;
    }

    /** Runs one command with the process's environment and input; gives the exit code. */
    public static int run(String[] args, Path home, PrintStream out, PrintStream err) {
        return new Cli(home, System.getenv(), System.in, System.console(), out, err).execute(args);
    }

    /** Runs one command; gives the exit code. Never throws. */
    public int execute(String... args) {
        try {
            if (args.length == 0) {
                throw new UsageException("No command given");
            }
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            switch (args[0]) {
                case "help", "-h", "--help" -> out.print(USAGE);
                case "login" -> login(rest);
                case "logout" -> logout(rest);
                case "checkout" -> checkout(rest);
                case "status" -> status(rest);
                case "push" -> push(rest);
                case "log" -> log(rest);
                default -> throw new UsageException("Unknown command " + args[0]);
            }
            return 0;
        } catch (UsageException e) {
            err.println("soundhub: " + e.getMessage());
            err.println("Run soundhub help for the commands.");
            return 2;
        } catch (CliException e) {
            err.println("soundhub: " + e.getMessage());
            for (String detail : e.details()) {
                err.println("  " + detail);
            }
            return 1;
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            err.println("soundhub: " + describe(cause));
            return 1;
        } catch (RuntimeException e) {
            err.println("soundhub: unexpected failure: " + describe(e));
            return 1;
        }
    }

    private void login(List<String> rest) throws IOException {
        Args args = Args.parse(rest, Map.of("--token", "--token"), Set.of());
        args.atMost(1, "soundhub login URL [--token TOKEN]");
        if (args.words.isEmpty()) {
            throw new UsageException("Which site? Usage: soundhub login URL [--token TOKEN]");
        }
        String site = Sites.normal(args.words.get(0));
        String token = args.option("--token");
        if (token == null) {
            token = askForToken(site);
        }
        token = token.strip();
        if (token.isEmpty()) {
            throw new CliException("No token given; make one on " + site + "/settings and paste it");
        }
        JsonObject me = new Api(http(), site, token).get("/api/v1/me");
        Credentials credentials = Credentials.load(home);
        credentials.put(site, token);
        credentials.save();
        out.println("Logged in to " + site + " as " + Json.string(me, "nickname")
                + " (scope " + Json.string(me, "scope") + ").");
    }

    private String askForToken(String site) throws IOException {
        String prompt = "Personal access token for " + site + " (make one on its settings page): ";
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            if (typed == null) {
                throw new CliException("No token given");
            }
            return new String(typed);
        }
        err.print(prompt);
        err.flush();
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new CliException("No token given");
        }
        return line;
    }

    private void logout(List<String> rest) {
        Args args = Args.parse(rest, Map.of(), Set.of());
        args.atMost(1, "soundhub logout [URL]");
        Credentials credentials = Credentials.load(home);
        String site = args.words.isEmpty() ? credentials.currentSite() : Sites.normal(args.words.get(0));
        if (site == null) {
            out.println("Not logged in to any site.");
            return;
        }
        String token = credentials.token(site);
        if (token == null) {
            out.println("Not logged in to " + site + ".");
            return;
        }
        CliException problem = null;
        try {
            new Api(http(), site, token).delete("/api/v1/tokens/current");
        } catch (Api.ServerError e) {
            if (e.status() != 401) {
                problem = e;
            }
        } catch (CliException e) {
            problem = e;
        }
        credentials.forget(site);
        credentials.save();
        if (problem != null) {
            throw new CliException("Forgot the token for " + site + ", but the site did not revoke it ("
                    + problem.getMessage() + "); revoke it on the site's settings page");
        }
        out.println("Logged out of " + site + "; the token is revoked and forgotten.");
    }

    private void checkout(List<String> rest) throws IOException {
        Args args = Args.parse(rest, Map.of("--rev", "--rev", "-r", "--rev"), Set.of("--force"));
        String usage = "soundhub checkout PROJECT DIR [--rev N] [--force]";
        args.atMost(2, usage);
        if (args.words.size() < 2) {
            throw new UsageException("Which project, into which folder? Usage: " + usage);
        }
        long rev = -1;
        if (args.option("--rev") != null) {
            rev = revisionNumber(args.option("--rev"));
        }
        Path dir = folder(args.words.get(1));
        Credentials credentials = Credentials.load(home);
        Sites.ProjectRef project = Sites.project(args.words.get(0), credentials.currentSite());
        State state = State.exists(dir) ? State.load(dir) : null;
        if (state != null && (!state.site.equals(project.site()) || !state.project.equals(project.id()))) {
            throw new CliException(dir + " holds a checkout of " + Sites.projectUrl(state.site, state.project)
                    + ", not of " + Sites.projectUrl(project.site(), project.id()));
        }
        new Checkout(api(project.site(), credentials), out).run(project, dir, state, rev, args.flag("--force"));
    }

    private void status(List<String> rest) {
        Args args = Args.parse(rest, Map.of(), Set.of());
        args.atMost(1, "soundhub status [DIR]");
        Path dir = folder(args.words.isEmpty() ? "." : args.words.get(0));
        State state = State.load(dir);
        LocalChanges changes = LocalChanges.of(dir, state, new Hashes());
        out.println(Sites.projectUrl(state.site, state.project) + " at r" + state.revision);
        changes.added().forEach(path -> out.println("  added     " + path));
        changes.modified().forEach(path -> out.println("  modified  " + path));
        changes.removed().forEach(path -> out.println("  removed   " + path));
        out.println(changes.isEmpty() ? "No local changes." : changes.count() + " local change" + (changes.count() == 1 ? "." : "s."));
        long head;
        try {
            head = Json.requiredNumber(api(state.site, Credentials.load(home)).get("/api/v1/projects/" + state.project), "head");
        } catch (CliException e) {
            throw new CliException("Could not ask the site for newer revisions: " + e.getMessage(), e.details());
        }
        if (head > state.revision) {
            long newer = head - state.revision;
            out.println("The project is at r" + head + ": " + newer + " newer revision" + (newer == 1 ? "" : "s")
                    + " (soundhub checkout brings them).");
        } else {
            out.println("Up to date with the project (r" + head + ").");
        }
    }

    private void push(List<String> rest) {
        Args args = Args.parse(rest, Map.of("-m", "-m", "--message", "-m"), Set.of());
        String usage = "soundhub push [DIR] -m MESSAGE";
        args.atMost(1, usage);
        String message = args.option("-m");
        if (message == null || message.isBlank()) {
            throw new UsageException("A push needs a message: " + usage);
        }
        Path dir = folder(args.words.isEmpty() ? "." : args.words.get(0));
        State state = State.load(dir);
        new Pusher(api(state.site, Credentials.load(home)), out, uploadThreads, attempts, retryPause)
                .push(dir, state, message.strip());
    }

    private void log(List<String> rest) {
        Args args = Args.parse(rest, Map.of(), Set.of());
        args.atMost(1, "soundhub log [DIR]");
        Path dir = folder(args.words.isEmpty() ? "." : args.words.get(0));
        State state = State.load(dir);
        JsonObject answer = api(state.site, Credentials.load(home)).get("/api/v1/projects/" + state.project + "/revisions");
        List<JsonObject> revisions = Json.objects(Json.array(answer, "revisions"));
        if (revisions.isEmpty()) {
            out.println("No revisions yet.");
            return;
        }
        int numberWidth = 0;
        int authorWidth = 0;
        for (JsonObject revision : revisions) {
            numberWidth = Math.max(numberWidth, ("r" + Json.number(revision, "number", 0)).length());
            authorWidth = Math.max(authorWidth, String.valueOf(Json.string(revision, "author")).length());
        }
        for (JsonObject revision : revisions) {
            String message = String.valueOf(Json.string(revision, "message")).strip().lines().findFirst().orElse("");
            out.println(String.format("%-" + numberWidth + "s  %-" + authorWidth + "s  %s  %s (+%d ~%d -%d)",
                    "r" + Json.number(revision, "number", 0), Json.string(revision, "author"),
                    when(Json.string(revision, "createdAt")), message,
                    Json.count(revision, "added"), Json.count(revision, "changed"), Json.count(revision, "removed")));
        }
    }

    private String when(String createdAt) {
        if (createdAt == null) {
            return "????-??-?? ??:??";
        }
        try {
            return OffsetDateTime.parse(createdAt).atZoneSameInstant(zone).format(WHEN);
        } catch (DateTimeParseException e) {
            return createdAt;
        }
    }

    private static long revisionNumber(String text) {
        try {
            long rev = Long.parseLong(text.startsWith("r") ? text.substring(1) : text);
            if (rev < 0) {
                throw new NumberFormatException();
            }
            return rev;
        } catch (NumberFormatException e) {
            throw new UsageException("--rev takes a revision number, not " + text);
        }
    }

    private static Path folder(String dir) {
        return Path.of(dir).toAbsolutePath().normalize();
    }

    private Api api(String site, Credentials credentials) {
        String token = env.get("SOUNDHUB_TOKEN");
        if (token == null || token.isBlank()) {
            token = credentials.token(site);
        }
        return new Api(http(), site, token == null ? null : token.strip());
    }

    private HttpClient http() {
        if (http == null) {
            http = Api.newHttpClient();
        }
        return http;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = Stream.of(e.getClass().getSimpleName().replace("Exception", ""))
                .map(name -> name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT))
                .findFirst().orElse("");
        return message == null ? kind : kind + ": " + message;
    }

    static boolean emptyFolder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(entry -> entry.getFileName().toString().equals(ProjectPaths.STATE_FOLDER));
        }
    }
}
