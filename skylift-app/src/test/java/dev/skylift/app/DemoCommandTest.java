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
    void demoOrdersEveryVmOfTheBundledSampleOnce() throws IOException {
        CommandRunner.Result result = CommandRunner.run("demo");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Set<String> vms = sampleVms();
        assertThat(vms).hasSizeGreaterThan(20);
        List<String> listed = Pattern.compile("^\\s+\\d+\\. (\\S+)$", Pattern.MULTILINE).matcher(result.out())
                .results().map(m -> m.group(1)).toList();
        assertThat(listed).hasSize(vms.size()).containsExactlyInAnyOrderElementsOf(vms);
        Matcher band = Pattern.compile("bandwidth\\s+(\\d+)").matcher(result.out());
        Matcher bound = Pattern.compile("lower bound (\\d+)").matcher(result.out());
        assertThat(band.find()).isTrue();
        assertThat(bound.find()).isTrue();
        assertThat(Integer.parseInt(bound.group(1))).isBetween(1, Integer.parseInt(band.group(1)));
    }

    /** The VM names in the sample, read with a plain split, independent of Skylift's reader. */
    private static Set<String> sampleVms() throws IOException {
        try (InputStream in = DemoCommandTest.class.getClassLoader().getResourceAsStream(DemoCommand.SAMPLE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> names = new TreeSet<>();
            text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> {
                        String[] fields = l.split("\\s+");
                        names.add(fields[0]);
                        names.add(fields[1]);
                    });
            return names;
        }
    }
}
