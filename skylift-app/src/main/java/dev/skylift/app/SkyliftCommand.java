package dev.skylift.app;

import dev.skylift.app.bench.BenchCommand;
import dev.skylift.io.InputFormatException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code skylift} command: orders and (in time) moves VMs by their communication graph. */
@Command(
        name = "skylift",
        mixinStandardHelpOptions = true,
        version = "skylift 0.1.0-SNAPSHOT",
        description = "Orders VM migrations from a private cluster to a public cloud by their communication graph.",
        subcommands = {OrderCommand.class, GraphCommand.class, PlanCommand.class, SimulateCommand.class, CollectCommand.class,
                BenchCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class})
public final class SkyliftCommand implements Runnable {

    /** Exit code for input that could not be read: a bad file, a missing file. */
    public static final int EXIT_BAD_INPUT = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: bad input is reported in one line, without a stack trace. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SkyliftCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof InputFormatException || exception instanceof UncheckedIOException) {
                cmd.getErr().println("skylift: " + exception.getMessage());
                cmd.getErr().flush();
                return EXIT_BAD_INPUT;
            }
            if (exception instanceof IllegalArgumentException) {
                cmd.getErr().println("skylift: " + exception.getMessage());
                cmd.getErr().flush();
                return CommandLine.ExitCode.USAGE;
            }
            throw exception;
        });
        return commandLine;
    }
}
