package dev.skylift.app.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code skylift bench}: the project's own benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: the ordering engine on the standard bandwidth instances, RCM timing, flow records to graph, planning a large estate.",
        subcommands = {BandwidthBenchCommand.class, RcmTimingCommand.class, FlowsBenchCommand.class, PlanBenchCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
