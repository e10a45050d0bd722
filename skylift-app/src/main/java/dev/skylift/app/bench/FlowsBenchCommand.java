package dev.skylift.app.bench;

import dev.skylift.graph.CommGraph;
import dev.skylift.inventory.Inventory;
import dev.skylift.inventory.IpParser;
import dev.skylift.io.FlowCsvReader;
import dev.skylift.io.InventoryReader;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.EstateGraph;
import dev.skylift.traffic.FlowAggregator;
import dev.skylift.traffic.FlowSummary;
import dev.skylift.traffic.Weight;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skylift bench flows}: how fast flow records become a communication graph. With
 * {@code --generate DIR} it writes a seeded synthetic estate there ({@code inventory.csv}, one
 * address per VM, and {@code flows.csv} in our flow CSV); without, it reads {@code DIR}'s files
 * the way {@code skylift graph} does and reports records per second and the peak heap.
 *
 * <p>The synthetic estate: VMs in applications of 20, 10 shared services that every VM talks to
 * now and then, every tenth VM on IPv6; 90 % of records inside an application, 7 % to a shared
 * service, 2.5 % to an outside address, 0.5 % between two outside addresses.
 */
@Command(name = "flows", mixinStandardHelpOptions = true,
        description = "Times building the communication graph from flow records (our CSV); --generate writes the input.")
final class FlowsBenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", required = true,
            description = "Folder with inventory.csv and flows.csv (written by --generate).")
    private Path dir;

    @Option(names = "--generate", description = "Write the synthetic inventory and flows into --dir instead of timing.")
    private boolean generate;

    @Option(names = "--records", defaultValue = "10000000", paramLabel = "N", description = "Records to generate (default: ${DEFAULT-VALUE}).")
    private long records;

    @Option(names = "--vms", defaultValue = "10000", paramLabel = "N", description = "VMs to generate (default: ${DEFAULT-VALUE}).")
    private int vms;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "N", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    private int repeat;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (generate) {
            long started = System.nanoTime();
            generate(dir, vms, records, seed);
            out.printf(Locale.ROOT, "bench flows: wrote %,d VMs and %,d records to %s in %.1f s%n", vms, records, dir,
                    (System.nanoTime() - started) / 1e9);
            out.flush();
            return 0;
        }
        Path inventoryFile = dir.resolve("inventory.csv");
        Path flowsFile = dir.resolve("flows.csv");
        long readStarted = System.nanoTime();
        Inventory inventory = InventoryReader.read(inventoryFile);
        double inventorySeconds = (System.nanoTime() - readStarted) / 1e9;
        out.printf(Locale.ROOT, "bench flows: %s (%,d bytes), inventory %,d VMs read in %.2f s, cores=%d, max heap %d MB%n",
                flowsFile, Files.size(flowsFile), inventory.size(), inventorySeconds,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (int run = 1; run <= repeat; run++) {
            System.gc();
            resetPeaks();
            long started = System.nanoTime();
            long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            FlowAggregator aggregator = new FlowAggregator(inventory, false, false);
            FlowCsvReader.read(flowsFile, aggregator);
            EstateGraph graph = EstateGraph.of(aggregator, AffinityRules.none(), Weight.BYTES, 1.0);
            CommGraph commGraph = graph.graph();
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            FlowSummary summary = graph.summary();
            out.printf(Locale.ROOT, "run %d: %,d records in %.2f s = %,.0f records/s (thread CPU %.2f s = %,.0f records/CPU-s); pairs=%d edges=%d mapped=%d "
                            + "mapped-bytes=%d external=%d external-bytes=%d unmapped=%d same-vm=%d peak-heap=%d MB%n",
                    run, summary.records(), seconds, summary.records() / seconds, cpuSeconds, summary.records() / cpuSeconds,
                    graph.pairs().size(),
                    commGraph.edgeCount(), summary.mapped(), summary.mappedBytes(), summary.external(),
                    summary.externalBytes(), summary.unmapped(), summary.sameVm(), peakHeapBytes() >> 20);
            out.flush();
        }
        return 0;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peak use since the last reset (an upper bound of the peak total). */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static void generate(Path dir, int vmCount, long recordCount, long seed) throws IOException {
        if (vmCount < 40) {
            throw new IllegalArgumentException("--vms " + vmCount + " is too few; the synthetic estate needs at least 40");
        }
        Files.createDirectories(dir);
        String[] ips = new String[vmCount];
        StringBuilder inventory = new StringBuilder("name,ips,host,memory_mib,disk_gib\n");
        for (int v = 0; v < vmCount; v++) {
            ips[v] = v % 10 == 0 ? IpParser.normalize("fd00::" + Integer.toHexString(v + 1))
                    : "10." + ((v + 1) >>> 16) + "." + (((v + 1) >>> 8) & 0xff) + "." + ((v + 1) & 0xff);
            inventory.append("vm-").append(v).append(',').append(ips[v]).append(",node-").append(v % 64)
                    .append(",4096,40\n");
        }
        Files.writeString(dir.resolve("inventory.csv"), inventory, StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(seed);
        long dayStart = Instant.parse("2026-11-25T00:00:00Z").toEpochMilli();
        int apps = vmCount / 20;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("flows.csv")), 1 << 20)) {
            StringBuilder line = new StringBuilder(128);
            out.write((FlowCsvReader.HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
            for (long r = 0; r < recordCount; r++) {
                int kind = random.nextInt(1000);
                String src;
                String dst;
                int app = random.nextInt(apps);
                int a = app * 20 + random.nextInt(20);
                if (kind < 900) {
                    int b = app * 20 + random.nextInt(20);
                    if (b == a) {
                        b = app * 20 + (a - app * 20 + 1) % 20;
                    }
                    src = ips[a];
                    dst = ips[b];
                } else if (kind < 970) {
                    src = ips[a];
                    dst = ips[vmCount - 1 - random.nextInt(10)];
                } else if (kind < 995) {
                    src = ips[a];
                    dst = "203.0.113." + random.nextInt(256);
                } else {
                    src = "198.51.100." + random.nextInt(256);
                    dst = "203.0.113." + random.nextInt(256);
                }
                if (random.nextBoolean()) {
                    String t = src;
                    src = dst;
                    dst = t;
                }
                long start = dayStart + (long) (r * (86_400_000.0 / recordCount));
                long end = start + random.nextInt(60_000);
                long bytes = (long) Math.exp(4 + random.nextDouble() * 12);
                line.setLength(0);
                line.append(Instant.ofEpochMilli(start)).append(',').append(Instant.ofEpochMilli(end)).append(',')
                        .append(src).append(',').append(1024 + random.nextInt(64000)).append(',').append(dst).append(',')
                        .append(random.nextInt(4) == 0 ? 53 : 443).append(',').append(random.nextInt(4) == 0 ? 17 : 6)
                        .append(',').append(bytes).append(',').append(bytes / 1200 + 1).append('\n');
                for (int i = 0; i < line.length(); i++) {
                    out.write(line.charAt(i));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }
}
