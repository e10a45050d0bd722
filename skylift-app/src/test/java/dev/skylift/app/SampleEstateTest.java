package dev.skylift.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skylift.inventory.Inventory;
import dev.skylift.io.AffinityReader;
import dev.skylift.io.InventoryReader;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.HubTreatment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample estate (examples/estate), read from the classpath as the jar carries it, with
 * plain parsing independent of Skylift's readers: the agreed formats, the sizes the issue asks
 * for, and traffic that mostly maps to the inventory.
 */
class SampleEstateTest {

    private static final Pattern VM = Pattern.compile(
            "  - name: (\\S+)\\n    ips: \\[([^\\]]+)\\]\\n    host: (\\S+)\\n    memory_mib: (\\d+)\\n    disk_gib: (\\d+)\\n");

    @Test
    void inventoryHasSixtyToOneHundredTwentyVmsOnSixToTenNodesWithUniqueNamesAndAddresses() throws IOException {
        String inventory = resource("examples/estate/inventory.yaml");
        Set<String> nodes = new HashSet<>();
        Pattern.compile("  - name: (node-\\d+)\\n    cpus: \\d+\\n    memory_mib: \\d+").matcher(inventory)
                .results().forEach(m -> nodes.add(m.group(1)));
        Map<String, String> vmByIp = vmsByIp(inventory);
        Set<String> vms = new HashSet<>(vmByIp.values());
        Matcher vm = VM.matcher(inventory);
        while (vm.find()) {
            assertThat(nodes).contains(vm.group(3));
            assertThat(Long.parseLong(vm.group(4))).isBetween(1024L, 65536L);
            assertThat(Long.parseLong(vm.group(5))).isBetween(10L, 2000L);
        }
        assertThat(nodes).hasSizeBetween(6, 10);
        assertThat(vms).hasSizeBetween(60, 120);
        assertThat(inventory.lines().filter(l -> l.startsWith("  - name: ") && !l.contains("node-")).count())
                .isEqualTo(vms.size());
    }

    @Test
    void flowsAreADayInTheAgreedCsvAndMostBytesMapToTheInventory() throws IOException {
        Map<String, String> vmByIp = vmsByIp(resource("examples/estate/inventory.yaml"));
        long rows = 0;
        long bytes = 0;
        long mappedBytes = 0;
        long unmappedRows = 0;
        long ipv6Rows = 0;
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        Set<String> pairs = new HashSet<>();
        try (InputStream in = SampleEstateTest.class.getClassLoader().getResourceAsStream("examples/estate/flows.csv.gz");
                var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).isEqualTo("start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                assertThat(f).as(line).hasSize(9);
                Instant start = Instant.parse(f[0]);
                Instant end = Instant.parse(f[1]);
                assertThat(end).as(line).isAfterOrEqualTo(start);
                InetAddress.getByName(f[2]);
                InetAddress.getByName(f[4]);
                assertThat(Integer.parseInt(f[3])).isBetween(0, 65535);
                assertThat(Integer.parseInt(f[5])).isBetween(0, 65535);
                assertThat(Integer.parseInt(f[6])).isIn(6, 17);
                long b = Long.parseLong(f[7]);
                assertThat(b).isPositive();
                assertThat(Long.parseLong(f[8])).isPositive();
                rows++;
                bytes += b;
                first = start.isBefore(first) ? start : first;
                last = end.isAfter(last) ? end : last;
                String source = vmByIp.get(f[2]);
                String destination = vmByIp.get(f[4]);
                if (source != null && destination != null) {
                    mappedBytes += b;
                    pairs.add(source.compareTo(destination) < 0 ? source + " " + destination : destination + " " + source);
                } else {
                    unmappedRows++;
                }
                if (f[2].contains(":")) {
                    ipv6Rows++;
                }
            }
        }
        assertThat(first).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(last).isBefore(Instant.parse("2026-11-25T00:00:00Z")).isAfter(Instant.parse("2026-11-24T23:30:00Z"));
        assertThat(rows).isBetween(50_000L, 400_000L);
        assertThat(pairs).hasSizeGreaterThan(300);
        assertThat(unmappedRows).isPositive();
        assertThat(ipv6Rows).isPositive();
        assertThat((double) mappedBytes / bytes).isGreaterThan(0.9);
    }

    @Test
    void affinityRulesReadAgainstTheInventory() {
        Path estate = Path.of("..", "examples", "estate");
        Inventory inventory = InventoryReader.read(estate.resolve("inventory.yaml"));
        // The reader rejects unknown fields and VM names with file:line; this is the operator's view.
        AffinityRules rules = AffinityReader.read(estate.resolve("affinity.yaml"), inventory);

        assertThat(inventory.size()).isEqualTo(82);
        assertThat(rules.groups()).extracting(AffinityRules.Group::name)
                .containsExactly("shop", "crm", "hr", "billing", "market", "pipeline");
        assertThat(rules.pairs()).hasSize(2);
        assertThat(rules.hubs()).containsEntry("dns-1", HubTreatment.EXCLUDE).containsEntry("ldap-1", HubTreatment.FIRST)
                .containsEntry("mon-1", HubTreatment.LAST);
        assertThat(rules.before()).hasSize(12);
        assertThat(rules.together()).containsExactly(List.of("shop-db-1", "shop-db-2"),
                List.of("pipe-warehouse-1", "pipe-warehouse-2"));
    }

    @Test
    void generatorRebuildsTheSameBytes() throws Exception {
        Path script = Path.of("..", "examples", "estate", "generate.py");
        assumeTrue(Files.exists(script), "not in a source checkout");
        assumeTrue(onPath("python3"), "python3 is not installed");
        Process process = new ProcessBuilder("python3", "-B", script.toString(), "--check").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static Map<String, String> vmsByIp(String inventory) {
        Map<String, String> byIp = new HashMap<>();
        Matcher vm = VM.matcher(inventory);
        while (vm.find()) {
            for (String ip : vm.group(2).split(",\\s*")) {
                String address = ip.replace("\"", "");
                assertThat(byIp.put(address, vm.group(1))).as("duplicate address %s", address).isNull();
            }
        }
        return byIp;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SampleEstateTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("%s on the classpath (bundled from examples/)", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }
}
