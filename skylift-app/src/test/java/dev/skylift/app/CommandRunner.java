package dev.skylift.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the skylift command line in process and captures what it prints. */
public final class CommandRunner {

    /** Exit code and the two output streams of one run. */
    public record Result(int exitCode, String out, String err) {
    }

    private CommandRunner() {
    }

    public static Result run(String... args) {
        CommandLine commandLine = SkyliftCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
