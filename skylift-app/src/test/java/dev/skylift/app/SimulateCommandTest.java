package dev.skylift.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code skylift simulate} end to end on the bundled sample estate, copied out of the classpath. */
class SimulateCommandTest {

    private static final List<String> ALL = List.of("random", "size", "rcm", "search", "stretch", "exposure", "peak",
            "online-degree", "online-traffic");

    @TempDir
    static Path dir;

    @BeforeAll
    static void copyTheSampleEstate() throws IOException {
        for (String name : List.of("inventory.yaml", "flows.csv.gz", "affinity.yaml")) {
            try (InputStream in = SimulateCommandTest.class.getClassLoader().getResourceAsStream("examples/estate/" + name)) {
                assertThat(in).as(name).isNotNull();
                Files.copy(in, dir.resolve(name));
            }
        }
    }

    private static List<String> estate(String... more) {
        var args = new ArrayList<>(List.of("simulate", "--inventory", dir.resolve("inventory.yaml").toString(),
                "--flows", dir.resolve("flows.csv.gz").toString(), "--affinity", dir.resolve("affinity.yaml").toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void jsonHasEveryStrategyAndTheBestOfflineStrategyBeatsRandomsMedian() {
        CommandRunner.Result result = CommandRunner.run(estate("--compare", String.join(",", ALL), "--runs", "5",
                "--time-limit", "0.3", "--json").toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(result.out());
        assertThat(json.get("vms").asInt()).isEqualTo(74); // 82 less the 8 hubs the rules move first, last or exclude
        List<String> names = new ArrayList<>();
        json.get("strategies").forEach(s -> names.add(s.get("name").asString()));
        assertThat(names).containsExactlyElementsOf(ALL);
        double bestStretch = Double.MAX_VALUE;
        double bestExposure = Double.MAX_VALUE;
        JsonNode random = null;
        for (JsonNode s : json.get("strategies")) {
            boolean randomized = s.get("randomized").asBoolean();
            assertThat(s.get("runs")).hasSize(randomized ? 5 : 1);
            assertThat(s.get("representative").get("steps")).hasSize(74);
            double stretch = s.get("maxStretch").get("median").asDouble();
            assertThat(stretch).isBetween(s.get("maxStretch").get("min").asDouble(), s.get("maxStretch").get("max").asDouble());
            assertThat(s.get("competitive").isNull()).isEqualTo(!s.get("online").asBoolean());
            if (s.get("name").asString().equals("random")) {
                random = s;
            } else if (!s.get("online").asBoolean()) {
                bestStretch = Math.min(bestStretch, stretch);
                bestExposure = Math.min(bestExposure, s.get("exposureBytes").get("median").asDouble());
            }
        }
        assertThat(bestStretch).isLessThan(random.get("maxStretch").get("median").asDouble());
        assertThat(bestExposure).isLessThan(random.get("exposureBytes").get("median").asDouble());
        assertThat(json.get("verdict").get("stretchFactor").asDouble()).isGreaterThan(1);
        assertThat(json.get("verdict").get("exposureFactor").asDouble()).isGreaterThan(1);
    }

    @Test
    void theTableHasARowPerStrategyTheRatiosAndAVerdictAndTheReportShowsEveryStrategy() throws IOException {
        Path report = dir.resolve("report.html");
        CommandRunner.Result result = CommandRunner.run(estate("--runs", "3", "--time-limit", "0.3",
                "--report", report.toString()).toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isZero();
        String html = Files.readString(report);
        for (String name : SimulateCommand.DEFAULT_STRATEGIES.split(",")) {
            assertThat(html).contains("<th scope=\"row\"><span class=\"dot\"").containsPattern(
                    "<th scope=\"row\"><span class=\"dot\" style=\"background:#[0-9a-fA-F]{6}\"></span>" + name + "\\b");
        }
        assertThat(html).contains("competitive ratio").contains("has the shortest max stretch");
        for (String name : SimulateCommand.DEFAULT_STRATEGIES.split(",")) {
            assertThat(result.out()).containsPattern("(?m)^" + name + " +\\d");
        }
        assertThat(result.out()).containsPattern("(?m)^online-degree +competitive ratio: max stretch \\d+\\.\\d+x")
                .containsPattern("(?m)^verdict: \\S+ has the shortest max stretch \\(.*lower than random's median");
    }

    @Test
    void anUnknownStrategyFailsBeforeAnythingIsReadListingTheKnownOnes() {
        CommandRunner.Result result = CommandRunner.run(estate("--compare", "random,fastest").toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown strategy 'fastest'").contains(String.join(", ", ALL));
    }

    @Test
    void aReportInAFolderThatDoesNotExistFailsBeforeAnythingIsRead() {
        CommandRunner.Result result = CommandRunner.run(estate("--report", dir.resolve("no/such/report.html").toString())
                .toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--report").contains("does not exist");
    }
}
