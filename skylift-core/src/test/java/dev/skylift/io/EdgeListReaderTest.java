package dev.skylift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.TestGraphs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EdgeListReaderTest {

    @TempDir
    Path dir;

    @Test
    void numbersVerticesInOrderOfFirstAppearanceUnderTheirOwnNames() throws IOException {
        Path file = write("vms.edges", """
                10.0.0.2 10.0.0.1
                web-frontend-1 10.0.0.2
                東京-db ünïcödé-cache
                10.0.0.1 東京-db
                """);

        CommGraph graph = EdgeListReader.read(file);

        assertThat(graph.vertexCount()).isEqualTo(5);
        assertThat(graph.labels().label(0)).isEqualTo("10.0.0.2");
        assertThat(graph.labels().label(1)).isEqualTo("10.0.0.1");
        assertThat(graph.labels().label(2)).isEqualTo("web-frontend-1");
        assertThat(graph.labels().label(3)).isEqualTo("東京-db");
        assertThat(graph.labels().label(4)).isEqualTo("ünïcödé-cache");
        assertThat(graph.labels().indexOf("東京-db")).isEqualTo(3);
        assertThat(TestGraphs.edges(graph)).isDeepEqualTo(new int[][] {{0, 1}, {0, 2}, {1, 3}, {3, 4}});
        assertThat(graph.isWeighted()).isFalse();
    }

    @Test
    void takesNumbersAsNamesNotAsIndices() throws IOException {
        Path file = write("numbers.edges", "7 3\n3 100\n");

        CommGraph graph = EdgeListReader.read(file);

        assertThat(graph.vertexCount()).isEqualTo(3);
        assertThat(graph.labels().label(0)).isEqualTo("7");
        assertThat(graph.labels().indexOf("100")).isEqualTo(2);
    }

    @Test
    void skipsCommentLinesTrailingCommentsAndBlankLines() throws IOException {
        Path file = write("comments.edges", """
                # flows of the last hour
                a b 2.5 # heavy

                   # indented comment
                b c # no weight given
                c d#e
                \t
                """);

        CommGraph graph = EdgeListReader.read(file);

        assertThat(graph.vertexCount()).isEqualTo(4);
        assertThat(graph.labels().label(3)).isEqualTo("d#e");
        assertThat(weight(graph, "a", "b")).isEqualTo(2.5);
        assertThat(weight(graph, "b", "c")).isEqualTo(1.0);
        assertThat(weight(graph, "c", "d#e")).isEqualTo(1.0);
    }

    @Test
    void sumsTheWeightsOfRepeatedPairsInEitherOrder() throws IOException {
        Path file = write("repeats.edges", "a b 2\nb a 3\na b\nb c 0.5\n");

        CommGraph graph = EdgeListReader.read(file);

        assertThat(graph.edgeCount()).isEqualTo(2);
        assertThat(weight(graph, "a", "b")).isEqualTo(6.0);
        assertThat(weight(graph, "c", "b")).isEqualTo(0.5);
        assertThat(graph.totalWeight()).isEqualTo(6.5);
    }

    @Test
    void readsAPairOfAVertexWithItselfAsTheVertexAlone() throws IOException {
        Path file = write("loops.edges", "solo solo\na b\n");

        CommGraph graph = EdgeListReader.read(file);

        assertThat(graph.vertexCount()).isEqualTo(3);
        assertThat(graph.labels().label(0)).isEqualTo("solo");
        assertThat(graph.degree(0)).isZero();
        assertThat(graph.edgeCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "-0", "+3", ".5", "1e3", "2E-2", "1000000"})
    void acceptsWeightsWrittenAsPlainDecimals(String weight) throws IOException {
        Path file = write("weights.edges", "a b " + weight + "\n");

        CommGraph graph = EdgeListReader.read(file);

        assertThat(weight(graph, "a", "b")).isEqualTo(Math.abs(Double.parseDouble(weight)));
    }

    @Test
    void readsTabsAndWindowsLineEnds() throws IOException {
        Path file = write("tabs.edges", "a\tb\t4\r\nb\tc\r\n");

        CommGraph graph = EdgeListReader.read(file);

        assertThat(graph.vertexCount()).isEqualTo(3);
        assertThat(weight(graph, "a", "b")).isEqualTo(4.0);
    }

    @Test
    void readsAnEmptyFileAsNoVertices() throws IOException {
        assertThat(EdgeListReader.read(write("empty.edges", "")).vertexCount()).isZero();
        assertThat(EdgeListReader.read(write("only-comments.edges", "# nothing yet\n\n")).vertexCount()).isZero();
    }

    @Test
    void readsALongFile() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("vm-").append(i).append(" vm-").append((i * 7 + 1) % 5000).append(' ').append(i % 3 + 1)
                    .append('\n');
        }

        CommGraph graph = EdgeListReader.read(write("long.edges", text.toString()));

        assertThat(graph.vertexCount()).isEqualTo(5000);
        assertThat(weight(graph, "vm-10", "vm-71")).isEqualTo(10 % 3 + 1);
    }

    @Test
    void rejectsANegativeWeight() throws IOException {
        Path file = write("negative.edges", "a b 1\n# ok so far\nb c -5\n");

        assertRejected(file, 3, "weight '-5' is negative", "expected a number ≥ 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "1.0d", "2f", "Infinity", "0x10", "heavy", "1,5", "-", "1e999", "."})
    void rejectsAWeightThatIsNotANumber(String weight) throws IOException {
        Path file = write("weight.edges", "a b\nb c " + weight + "\n");

        assertRejected(file, 2, "weight '" + weight + "' is not a number", "expected a number ≥ 0");
    }

    @Test
    void rejectsALineWithTooManyFields() throws IOException {
        Path file = write("wide.edges", "a b 1\na b 1 2\n");

        assertRejected(file, 2, "line 'a b 1 2' has 4 fields", "expected 'u v [weight]'");
    }

    @Test
    void rejectsALineWithFarTooManyFields() throws IOException {
        Path file = write("csv-like.edges", "a b c d e f g h i j\n");

        assertRejected(file, 1, "has more than 8 fields", "expected 'u v [weight]'");
    }

    @Test
    void rejectsALineWithOneField() throws IOException {
        Path file = write("narrow.edges", "a b\n\nlonely # comment\n");

        assertRejected(file, 3, "line 'lonely # comment' has 1 field;", "expected 'u v [weight]'");
    }

    @Test
    void rejectsAFileThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.edges");
        Files.write(file, new byte[] {'a', ' ', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> EdgeListReader.read(file))
                .isInstanceOf(InputFormatException.class)
                .hasMessage(file + ": is not UTF-8 text");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertRejected(Path file, long line, String... fragments) {
        assertThatThrownBy(() -> EdgeListReader.read(file))
                .isInstanceOfSatisfying(InputFormatException.class, e -> {
                    assertThat(e.getMessage()).startsWith(file + ":" + line + ": ");
                    assertThat(e.getMessage()).contains(file.getFileName().toString());
                    assertThat(e.getMessage()).contains(fragments);
                    assertThat(e.line()).isEqualTo(line);
                });
    }

    private static double weight(CommGraph graph, String u, String v) {
        int from = graph.labels().indexOf(u);
        int to = graph.labels().indexOf(v);
        for (int a = graph.firstArc(from); a < graph.endArc(from); a++) {
            if (graph.target(a) == to) {
                return graph.weight(a);
            }
        }
        throw new AssertionError("no edge " + u + " - " + v);
    }
}
