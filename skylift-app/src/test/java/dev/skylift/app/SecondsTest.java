package dev.skylift.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

class SecondsTest {

    private final Seconds seconds = new Seconds();

    @Test
    void readsPlainSecondsAndTimesWithAUnit() {
        assertThat(seconds.convert("10")).isEqualTo(10.0);
        assertThat(seconds.convert("0.25")).isEqualTo(0.25);
        assertThat(seconds.convert("10s")).isEqualTo(10.0);
        assertThat(seconds.convert("500ms")).isEqualTo(0.5);
        assertThat(seconds.convert("2min")).isEqualTo(120.0);
    }

    @Test
    void refusesNothingNegativeAndNonsense() {
        assertThatThrownBy(() -> seconds.convert("0")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> seconds.convert("0ms")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> seconds.convert("-1")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> seconds.convert("10 parsecs")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> seconds.convert("ten")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("ten");
    }

    @Test
    void aCommandTakesTheTimeLimitEitherWay(@TempDir Path dir) throws Exception {
        Path edges = Files.writeString(dir.resolve("chain.edges"), "a b\nb c\nc d\n");

        for (String limit : List.of("0.5", "500ms")) {
            CommandRunner.Result result = CommandRunner.run("order", "--graph", edges.toString(), "--method", "search",
                    "--time-limit", limit, "--json");
            assertThat(result.exitCode()).as(result.err()).isZero();
        }
        CommandRunner.Result wrong = CommandRunner.run("order", "--graph", edges.toString(), "--time-limit", "soon");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.err()).contains("--time-limit").contains("soon");
    }
}
