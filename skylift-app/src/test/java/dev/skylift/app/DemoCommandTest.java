package dev.skylift.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.io.PlanJson;
import dev.skylift.plan.MigrationStep;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path out;

    @Test
    void demoBuildsTheEstateGraphComparesEveryStrategyOnTheVmsNotDecidedAsHubsAndWritesTheReport() throws IOException {
        CommandRunner.Result result = CommandRunner.run("demo", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        Set<String> vms = resourceMatches("inventory.yaml", "^  - name: (\\S+)\\n    ips:");
        Set<String> decided = resourceMatches("affinity.yaml", "^  (\\S+): (?:first|last|exclude)\\b");
        assertThat(vms).hasSize(82);
        assertThat(decided).isNotEmpty().isSubsetOf(vms);

        assertThat(result.out()).contains("82 VMs on 8 nodes").contains("hubs")
                .contains("The " + (vms.size() - decided.size()) + " VMs left once the rules' hub decisions apply");
        for (String strategy : DemoCommand.STRATEGIES.split(",")) {
            assertThat(result.out()).containsPattern("(?m)^" + strategy + " +\\d");
        }
        assertThat(result.out()).containsPattern("(?m)^verdict: \\S+ has the shortest max stretch \\(.*lower than random's median");
        Path report = out.resolve("skylift-demo-report.html");
        assertThat(result.out()).contains("report: " + report);
        String html = Files.readString(report);
        for (String strategy : DemoCommand.STRATEGIES.split(",")) {
            assertThat(html).containsPattern("<th scope=\"row\"><span class=\"dot\"[^>]*></span>" + strategy + "\\b");
        }
        for (String vm : vms) {
            if (!decided.contains(vm)) {
                assertThat(html).as(vm).contains(vm);
            }
        }
        var plan = PlanJson.read(out.resolve("skylift-demo-plan.json")).plan();
        assertThat(plan.steps()).extracting(MigrationStep::vm).containsExactlyInAnyOrderElementsOf(vms);
        assertThat(plan.steps()).allSatisfy(step -> assertThat(step.cutover()).isGreaterThanOrEqualTo(step.start()));
    }

    @Test
    void anOutputFolderThatDoesNotExistIsRefusedBeforeAnyWork() {
        CommandRunner.Result result = CommandRunner.run("demo", "--out", out.resolve("missing").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--out").contains("is not a folder");
    }

    /** Names picked out of a bundled estate file with a plain pattern, independent of Skylift's readers. */
    private static Set<String> resourceMatches(String file, String regex) throws IOException {
        try (InputStream in = DemoCommandTest.class.getClassLoader().getResourceAsStream(DemoCommand.ESTATE + "/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> names = new TreeSet<>();
            Pattern.compile(regex, Pattern.MULTILINE).matcher(text).results().forEach(m -> names.add(m.group(1)));
            return names;
        }
    }
}
