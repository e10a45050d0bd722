package dev.skylift.app;

import picocli.CommandLine;

/** Entry point of the {@code skylift} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; never exits the JVM. */
    public static int run(String... args) {
        return SkyliftCommand.commandLine().execute(args);
    }
}
