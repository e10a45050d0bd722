package dev.skylift.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 1,000,000-vertex, 5,000,000-edge graph must be built and held in 200 MB of heap. Runs the
 * build in a JVM of its own with {@code -Xmx200m}: running out of memory there fails the test.
 */
class CommGraphMemoryIT {

    private static final long HEAP = 200L * 1024 * 1024;

    @ParameterizedTest
    @ValueSource(strings = {"weighted", "unweighted"})
    void millionVertexFiveMillionEdgeGraphIsBuiltIn200MegabytesOfHeap(String kind)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx200m", "-XX:+UseG1GC",
                "-cp", System.getProperty("java.class.path"), GraphMemoryProbe.class.getName(), kind))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        Matcher matcher = Pattern.compile("edges=(\\d+) weighted=(\\w+) retainedBytes=(\\d+)").matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        // 5,000,000 uniform draws among 5e11 pairs repeat a handful of times at most.
        assertThat(Long.parseLong(matcher.group(1))).isBetween(4_999_900L, 5_000_000L);
        assertThat(matcher.group(2)).isEqualTo(kind.equals("weighted") ? "true" : "false");
        assertThat(Long.parseLong(matcher.group(3))).isLessThan(HEAP);
    }
}
