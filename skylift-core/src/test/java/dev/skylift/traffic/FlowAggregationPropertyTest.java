package dev.skylift.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.inventory.Inventory;
import dev.skylift.inventory.Vm;
import dev.skylift.io.FlowCsvReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: on seeded random estates and records, the streaming reader and aggregator give exactly
 * the totals of a naive computation that keeps every record in a map keyed by VM names.
 */
class FlowAggregationPropertyTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void streamingTotalsEqualANaiveComputation(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int vmCount = 2 + random.nextInt(300);
        List<Vm> vms = new ArrayList<>();
        // Each VM: one IPv4 and, for some, an IPv6 address; records spell IPv6 in several ways.
        Map<String, String> owner = new HashMap<>();
        List<List<String>> spellings = new ArrayList<>();
        for (int v = 0; v < vmCount; v++) {
            String v4 = "10." + (v >> 8) + "." + (v & 255) + ".7";
            List<String> ips = new ArrayList<>(List.of(v4));
            List<String> spelled = new ArrayList<>(List.of(v4, "::ffff:" + v4));
            if (random.nextInt(3) == 0) {
                String hex = Integer.toHexString(v + 1);
                ips.add("fd00::" + hex);
                spelled.addAll(List.of("fd00::" + hex, "FD00:0:0:0:0:0:0:" + hex.toUpperCase(), "fd00:0000::" + hex));
            }
            vms.add(new Vm("vm-" + v, ips, "n", 1, 1, OptionalDouble.empty(), List.of(), Optional.empty(), Map.of()));
            for (String s : spelled) {
                owner.put(s, "vm-" + v);
            }
            spellings.add(spelled);
        }
        Inventory inventory = new Inventory(vms, List.of());
        int records = 1 + random.nextInt(20_000);
        Map<String, long[]> naivePairs = new TreeMap<>();
        long[] naive = new long[4]; // mapped, external, unmapped, same VM
        Map<String, Long> naiveExternal = new HashMap<>();
        Path file = dir.resolve("flows.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(FlowCsvReader.HEADER + "\n");
            for (int r = 0; r < records; r++) {
                String src = endpoint(random, spellings);
                String dst = endpoint(random, spellings);
                long bytes = random.nextLong(1L << 40);
                long packets = random.nextLong(1L << 20);
                out.write("1764064800,2030-01-01T00:00:00.250Z," + src + "," + random.nextInt(65536) + "," + dst + ",443,6,"
                        + bytes + "," + packets + "\n");
                String a = owner.get(src);
                String b = owner.get(dst);
                if (a != null && b != null) {
                    if (a.equals(b)) {
                        naive[3]++;
                    } else {
                        naive[0]++;
                        String key = a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
                        long[] sums = naivePairs.computeIfAbsent(key, k -> new long[3]);
                        sums[0] += bytes;
                        sums[1] += packets;
                        sums[2]++;
                    }
                } else if (a != null || b != null) {
                    naive[1]++;
                    naiveExternal.merge(a != null ? a : b, bytes, Long::sum);
                } else {
                    naive[2]++;
                }
            }
        }

        FlowAggregator aggregator = new FlowAggregator(inventory, false, false);
        FlowCsvReader.read(file, aggregator);

        PairTraffic pairs = aggregator.pairs();
        Map<String, List<Long>> streamed = new TreeMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            String a = inventory.vm(pairs.a(i)).name();
            String b = inventory.vm(pairs.b(i)).name();
            streamed.put(a.compareTo(b) < 0 ? a + " " + b : b + " " + a, List.of(pairs.bytes(i), pairs.packets(i), pairs.flows(i)));
        }
        Map<String, List<Long>> expected = new TreeMap<>();
        naivePairs.forEach((k, v) -> expected.put(k, List.of(v[0], v[1], v[2])));
        assertThat(streamed).isEqualTo(expected);
        FlowSummary summary = aggregator.summary();
        assertThat(List.of(summary.mapped(), summary.external(), summary.unmapped(), summary.sameVm()))
                .containsExactly(naive[0], naive[1], naive[2], naive[3]);
        assertThat(summary.records()).isEqualTo(records);
        long[] external = aggregator.externalBytes();
        for (int v = 0; v < vmCount; v++) {
            assertThat(external[v]).isEqualTo(naiveExternal.getOrDefault("vm-" + v, 0L));
        }
    }

    private static String endpoint(SplittableRandom random, List<List<String>> spellings) {
        if (random.nextInt(20) == 0) {
            return random.nextBoolean() ? "203.0.113." + random.nextInt(256) : "2001:db8::" + Integer.toHexString(random.nextInt(65536));
        }
        // A few VMs get most of the traffic, as in real estates.
        int v = random.nextInt(4) == 0 ? random.nextInt(Math.min(5, spellings.size())) : random.nextInt(spellings.size());
        List<String> spelled = spellings.get(v);
        return spelled.get(random.nextInt(spelled.size()));
    }
}
