package com.soundhub.cli;

import java.nio.file.Path;

/** {@code java -jar soundhub-cli.jar COMMAND ...} */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args, Path.of(System.getProperty("user.home")), System.out, System.err));
    }
}
