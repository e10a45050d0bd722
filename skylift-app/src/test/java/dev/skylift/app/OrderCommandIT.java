package dev.skylift.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end: the packaged jar, started as a user starts it, on small files. The checks recompute
 * everything from the input file, not from Skylift's own code.
 */
class OrderCommandIT {

    private static final Path JAR = Path.of("target", "skylift.jar");

    record Run(int exitCode, String stdout, String stderr) {
    }

    @Test
    void orderJsonOnMatrixMarketFileIsOneObjectWithAVerifiableOrder() throws Exception {
        Path file = resource("graphs/ash85.mtx");
        Run run = skylift("order", "--graph", file.toString(), "--json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().strip().lines()).hasSize(1);
        JsonNode json = JsonMapper.builder().build().readTree(run.stdout());
        assertThat(json.propertyNames()).containsExactly("graph", "vertices", "edges", "method", "bandwidth",
                "lowerBound", "optimal", "millis", "order");
        assertThat(json.get("graph").asString()).isEqualTo(file.toString());
        assertThat(json.get("vertices").asInt()).isEqualTo(85);
        assertThat(json.get("edges").asInt()).isEqualTo(219);
        assertThat(json.get("method").asString()).isEqualTo("auto");

        List<String> order = new ArrayList<>();
        json.get("order").forEach(label -> order.add(label.asString()));
        List<String> expectedLabels = new ArrayList<>();
        for (int i = 1; i <= 85; i++) {
            expectedLabels.add(Integer.toString(i));
        }
        assertThat(order).containsExactlyInAnyOrderElementsOf(expectedLabels);

        int bandwidth = bandwidthFromFile(file, order);
        assertThat(json.get("bandwidth").asInt()).isEqualTo(bandwidth);
        assertThat(json.get("lowerBound").asInt()).isBetween(1, bandwidth);
        assertThat(json.get("optimal").asBoolean()).isEqualTo(json.get("lowerBound").asInt() == bandwidth);
        assertThat(json.get("millis").asLong()).isNotNegative();
    }

    @Test
    void orderOnNamedEdgeListKeepsTheNamesAndWritesTheOrderFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("estate.edges");
        Files.writeString(file, """
                # a path web -> app -> db, and a cache on the side
                web app 10
                app db 5.5
                app cache
                """);
        Path out = dir.resolve("order.txt");
        Run run = skylift("order", "--graph", file.toString(), "--method", "rcm", "--json", "--out", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.stdout());
        List<String> order = new ArrayList<>();
        json.get("order").forEach(label -> order.add(label.asString()));
        assertThat(order).containsExactlyInAnyOrder("web", "app", "db", "cache");
        assertThat(Files.readAllLines(out)).isEqualTo(order);
        // app has three neighbours, so no order does better than 2; a star on 4 vertices achieves it.
        assertThat(json.get("bandwidth").asInt()).isEqualTo(2);
        assertThat(json.get("lowerBound").asInt()).isEqualTo(2);
        assertThat(json.get("optimal").asBoolean()).isTrue();
    }

    @Test
    void badInputFailsWithFileAndLineAndPrintsNoOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.mtx");
        Files.writeString(file, """
                %%MatrixMarket matrix coordinate pattern symmetric
                3 3 2
                2 1
                4 1
                """);
        Run run = skylift("order", "--graph", file.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains(file + ":4:").contains("row index 4 is out of range");
    }

    @Test
    void unknownMethodIsAUsageError() throws Exception {
        Run run = skylift("order", "--graph", resource("graphs/bcspwr01.mtx").toString(), "--method", "magic");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("unknown ordering method 'magic'").contains("rcm");
    }

    private static int bandwidthFromFile(Path file, List<String> order) throws IOException {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        int bandwidth = 0;
        boolean sizeLine = true;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("%") || line.isBlank()) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            if (sizeLine) {
                sizeLine = false;
                continue;
            }
            bandwidth = Math.max(bandwidth, Math.abs(position.get(fields[0]) - position.get(fields[1])));
        }
        assertThat(new HashSet<>(order)).hasSize(order.size());
        return bandwidth;
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(OrderCommandIT.class.getClassLoader().getResource(name).toURI());
    }

    static Run skylift(String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        var stdout = process.getInputStream().readAllBytes();
        var stderr = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                new String(stderr, StandardCharsets.UTF_8));
    }
}
