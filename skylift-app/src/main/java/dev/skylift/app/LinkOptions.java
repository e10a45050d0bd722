package dev.skylift.app;

import dev.skylift.plan.WanModel;
import picocli.CommandLine.Option;

/**
 * The options that describe the move's link and pace (WAN throughput, round-trip time, per-stream
 * cap, VMs moving at once), shared as a picocli mixin by every command that plans, so they are
 * spelled, defaulted and parsed the same way everywhere.
 */
final class LinkOptions {

    @Option(names = "--wan", defaultValue = "1Gbps", paramLabel = "RATE",
            description = "The WAN's throughput: 1Gbps, 100Mbps, 125MB/s (default: ${DEFAULT-VALUE}).")
    String wanRate;

    @Option(names = "--rtt", defaultValue = "40ms", paramLabel = "TIME", description = "The WAN's round-trip time (default: ${DEFAULT-VALUE}).")
    String rtt;

    @Option(names = "--stream-cap", paramLabel = "RATE", description = "The most one transfer reaches, e.g. 300Mbps (default: no cap).")
    String streamCap;

    @Option(names = "--concurrency", defaultValue = "4", paramLabel = "K", description = "VMs moving at once at most (default: ${DEFAULT-VALUE}).")
    int concurrency;

    /** The link the options describe; a value that does not parse fails naming it. */
    WanModel wan() {
        return WanModel.parse(wanRate, rtt, streamCap);
    }
}
