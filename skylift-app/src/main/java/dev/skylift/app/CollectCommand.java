package dev.skylift.app;

import dev.skylift.runtime.collect.FlowCollector;
import dev.skylift.runtime.collect.FlowCsvWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code skylift collect}: a NetFlow v5/v9/IPFIX collector writing our flow CSV. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Receives NetFlow v5, NetFlow v9 (RFC 3954) and IPFIX (RFC 7011) over UDP and writes the "
                + "flow records as CSV (start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets).",
                "Runs until --duration or --max-records is reached, or until interrupted (Ctrl-C); prints counts "
                + "at the end. The file is flushed every second."})
final class CollectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--listen", defaultValue = "127.0.0.1:2055", paramLabel = "HOST:PORT",
            description = "UDP address to listen on, IPv4 or [IPv6] (default: ${DEFAULT-VALUE}).")
    private String listen;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Flow CSV to write (gzip when the name ends in .gz); replaced if it exists.")
    private Path out;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this many seconds.")
    private Double durationSeconds;

    @Option(names = "--max-records", paramLabel = "N", description = "Stop after writing N flow records.")
    private long maxRecords;

    @Override
    public Integer call() {
        InetSocketAddress address = parseListen(listen);
        Duration duration = duration(durationSeconds);
        if (maxRecords < 0) {
            throw new IllegalArgumentException("--max-records " + maxRecords + " is negative; expected N >= 1 (or leave it out)");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = null;
        try {
            FlowCollector.Result result;
            long started = System.nanoTime();
            try (FlowCollector collector = FlowCollector.bind(address, message -> {
                stderr.println("skylift collect: " + message);
                stderr.flush();
            }); FlowCsvWriter writer = FlowCsvWriter.open(out)) {
                // Ctrl-C: stop receiving, and let the JVM exit only once the file is closed and the counts printed.
                onInterrupt = new Thread(() -> {
                    collector.stop();
                    try {
                        finished.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "skylift-collect-interrupt");
                Runtime.getRuntime().addShutdownHook(onInterrupt);
                stderr.println("skylift collect: listening on UDP " + collector.localAddress() + ", writing " + out);
                stderr.flush();
                result = collector.run(writer, duration, maxRecords);
            }
            long written = Math.min(result.counts().records(), maxRecords > 0 ? maxRecords : Long.MAX_VALUE);
            stdout.printf("skylift collect: stopped (%s) after %.1f s; %d flow records written to %s%n",
                    switch (result.reason()) {
                        case DURATION -> "duration reached";
                        case MAX_RECORDS -> "max records reached";
                        case STOPPED -> "interrupted";
                    },
                    (System.nanoTime() - started) / 1e9, written, out);
            stdout.println(result.counts().summary());
            stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } finally {
            finished.countDown();
            if (onInterrupt != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it waited for the counts printed above
                }
            }
        }
        return 0;
    }

    static Duration duration(Double seconds) {
        if (seconds == null) {
            return null;
        }
        if (!(seconds > 0) || seconds.isInfinite()) {
            throw new IllegalArgumentException("--duration " + seconds + " must be a positive number of seconds");
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    /** {@code 127.0.0.1:2055}, {@code [::1]:2055}, {@code 0.0.0.0:2055}, {@code [::]:2055} or a host name. */
    static InetSocketAddress parseListen(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("--listen '" + text + "' is not [IPV6]:PORT; e.g. [::1]:2055");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0 || text.indexOf(':') != colon) {
                throw new IllegalArgumentException("--listen '" + text + "' is not HOST:PORT; e.g. 127.0.0.1:2055, "
                        + "or [::1]:2055 for IPv6 (brackets required)");
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException("--listen '" + text + "' has port '" + port + "'; expected 0..65535");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), number);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--listen '" + text + "': unknown host '" + host + "'", e);
        }
    }
}
