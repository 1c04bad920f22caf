package com.soundhub.cli;


import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code soundhub checkout}: the whole revision into a new folder, or only the changes since the
 * revision a checkout holds, never overwriting local edits without {@code --force}.
 */
final class Checkout {

    private final Api api;
    private final PrintStream out;

    Checkout(Api api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    void run(Sites.ProjectRef project, Path dir, State held, long rev, boolean force) throws IOException {
        String projectPath = "/api/v1/projects/" + project.id();
        long head = Json.requiredNumber(api.get(projectPath), "head");
        long target = rev < 0 ? head : rev;
        if (target > head) {
            throw new CliException("The project has no r" + target + "; its newest revision is r" + head);
        }
        String url = Sites.projectUrl(project.site(), project.id());
        if (held == null) {
            State state = new State(project.site(), project.id(), target);
            if (target == 0) {
                Files.createDirectories(dir);
                state.save(dir);
                out.println(dir + " now follows " + url + ", which has no revision yet; soundhub push sends its files.");
                return;
            }
            if (!Cli.emptyFolder(dir) && !force) {
                throw new CliException(dir + " is not empty and holds no checkout; check out into an empty folder, "
                        + "or use --force to write the project's files over what is there");
            }
            ZipApply.Result result;
            try (InputStream zip = api.download(projectPath + "/revisions/" + target + "/zip")) {
                result = ZipApply.whole(zip, dir, state);
            }
            state.save(dir);
            out.println("Checked out r" + target + " of " + url + " into " + dir + ": "
                    + result.written() + " file" + (result.written() == 1 ? "" : "s") + ", " + Sizes.of(result.bytes()) + ".");
            return;
        }
        if (target == held.revision) {
            out.println(dir + " is at r" + target + " already.");
            return;
        }
        long from = held.revision;
        ZipApply.Result result;
        try (InputStream zip = api.download(projectPath + "/revisions/" + target + "/zip?since=" + from)) {
            result = ZipApply.changes(zip, dir, held, force);
        }
        held.save(dir);
        out.println("Brought " + dir + " from r" + from + " to r" + result.to() + ": "
                + result.written() + " written (" + Sizes.of(result.bytes()) + "), " + result.removed() + " removed"
                + (result.alreadyThere() > 0 ? ", " + result.alreadyThere() + " already up to date" : "") + ".");
    }
}
