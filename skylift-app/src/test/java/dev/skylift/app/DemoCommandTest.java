package dev.skylift.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void demoBuildsTheEstateGraphAndOrdersEveryVmNotDecidedAsAHubOnce() throws IOException {
        CommandRunner.Result result = CommandRunner.run("demo");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Set<String> vms = resourceMatches("inventory.yaml", "^  - name: (\\S+)\\n    ips:");
        Set<String> decided = resourceMatches("affinity.yaml", "^  (\\S+): (?:first|last|exclude)\\b");
        assertThat(vms).hasSize(82);
        assertThat(decided).isNotEmpty().isSubsetOf(vms);
        Set<String> expected = new TreeSet<>(vms);
        expected.removeAll(decided);

        assertThat(result.out()).contains("82 VMs on 8 nodes").contains("hubs");
        List<String> listed = Pattern.compile("^\\s+\\d+\\. (\\S+)$", Pattern.MULTILINE).matcher(result.out())
                .results().map(m -> m.group(1)).toList();
        assertThat(listed).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
        Matcher band = Pattern.compile("bandwidth\\s+(\\d+)").matcher(result.out());
        Matcher bound = Pattern.compile("lower bound (\\d+)").matcher(result.out());
        assertThat(band.find()).isTrue();
        assertThat(bound.find()).isTrue();
        assertThat(Integer.parseInt(bound.group(1))).isBetween(1, Integer.parseInt(band.group(1)));
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
