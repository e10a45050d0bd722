package dev.skylift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.TestGraphs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixMarketReaderTest {

    @TempDir
    Path dir;

    // ---- valid files ----

    @Test
    void readsAPatternSymmetricFileSkippingCommentsBlankLinesAndTheDiagonal() throws IOException {
        Path file = write("pattern.mtx", """
                %%MatrixMarket matrix coordinate pattern symmetric
                % a comment before the size line

                4 4 5
                2 1
                % a comment between entries

                3 2
                4 4
                4 1
                  3   1\t
                """);

        CommGraph graph = MatrixMarketReader.read(file);

        assertThat(graph.vertexCount()).isEqualTo(4);
        assertThat(TestGraphs.edges(graph)).isDeepEqualTo(new int[][] {{0, 1}, {0, 2}, {0, 3}, {1, 2}});
        assertThat(graph.isWeighted()).isFalse();
        assertThat(graph.labels().label(3)).isEqualTo("4");
    }

    @Test
    void readsAnIntegerGeneralFileSummingBothOrientationsOfAPair() throws IOException {
        Path file = write("integer.mtx", """
                %%MatrixMarket matrix coordinate integer general
                3 3 5
                1 2 3
                2 1 -4
                3 3 9
                2 3 0
                3 1 -1
                """);

        CommGraph graph = MatrixMarketReader.read(file);

        assertThat(graph.edgeCount()).isEqualTo(3);
        assertThat(weight(graph, 0, 1)).isEqualTo(7.0);
        assertThat(weight(graph, 1, 2)).isEqualTo(0.0);
        assertThat(weight(graph, 2, 0)).isEqualTo(1.0);
        assertThat(graph.isWeighted()).isTrue();
    }

    @Test
    void readsARealSymmetricFileWithMagnitudesAsWeights() throws IOException {
        Path file = write("real.mtx", """
                %%MatrixMarket matrix coordinate real symmetric
                3 3 3
                2 1 -2.5
                3 1 1e-1
                3 3 -7.0
                """);

        CommGraph graph = MatrixMarketReader.read(file);

        assertThat(graph.edgeCount()).isEqualTo(2);
        assertThat(weight(graph, 0, 1)).isEqualTo(2.5);
        assertThat(weight(graph, 2, 0)).isEqualTo(0.1);
    }

    @Test
    void readsAComplexHermitianFileWithModuliAsWeights() throws IOException {
        Path file = write("complex.mtx", """
                %%MatrixMarket matrix coordinate complex hermitian
                3 3 3
                2 1 3 -4
                3 3 1 0
                3 2 0 2.5
                """);

        CommGraph graph = MatrixMarketReader.read(file);

        assertThat(graph.edgeCount()).isEqualTo(2);
        assertThat(weight(graph, 0, 1)).isEqualTo(5.0);
        assertThat(weight(graph, 1, 2)).isEqualTo(2.5);
    }

    @Test
    void readsASkewSymmetricFile() throws IOException {
        Path file = write("skew.mtx", """
                %%MatrixMarket matrix coordinate real skew-symmetric
                3 3 2
                2 1 -1.5
                3 2 2
                """);

        CommGraph graph = MatrixMarketReader.read(file);

        assertThat(weight(graph, 0, 1)).isEqualTo(1.5);
        assertThat(weight(graph, 1, 2)).isEqualTo(2.0);
    }

    @Test
    void mergesBothOrientationsOfAPatternGeneralPairIntoOneUnweightedEdge() throws IOException {
        Path file = write("general-pattern.mtx", """
                %%MatrixMarket matrix coordinate pattern general
                3 3 3
                1 2
                2 1
                2 3
                """);

        CommGraph graph = MatrixMarketReader.read(file);

        assertThat(graph.edgeCount()).isEqualTo(2);
        assertThat(graph.hasEdge(0, 1)).isTrue();
        assertThat(graph.hasEdge(1, 2)).isTrue();
        assertThat(graph.isWeighted()).isFalse();
    }

    @Test
    void acceptsTheHeaderKeywordsInAnyCaseAndWindowsLineEnds() throws IOException {
        Path file = write("crlf.mtx", "%%MatrixMarket MATRIX Coordinate Real General\r\n% note\r\n2 2 1\r\n1 2 4.0\r\n");

        CommGraph graph = MatrixMarketReader.read(file);

        assertThat(graph.edgeCount()).isEqualTo(1);
        assertThat(weight(graph, 0, 1)).isEqualTo(4.0);
    }

    @Test
    void readsAMatrixWithoutEntriesAsIsolatedVertices() throws IOException {
        Path file = write("empty-matrix.mtx", "%%MatrixMarket matrix coordinate pattern symmetric\n5 5 0\n");

        CommGraph graph = MatrixMarketReader.read(file);

        assertThat(graph.vertexCount()).isEqualTo(5);
        assertThat(graph.edgeCount()).isZero();
    }

    @Test
    void readsBackTheEdgesOfAGraphItWasWrittenFrom() throws IOException {
        CommGraph original = TestGraphs.randomSparse(300, 900, 3);
        int[][] edges = TestGraphs.edges(original);
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder text = new StringBuilder("%%MatrixMarket matrix coordinate pattern general\n");
        text.append("300 300 ").append(edges.length).append('\n');
        for (int[] e : edges) {
            boolean flip = random.nextBoolean();
            text.append((flip ? e[1] : e[0]) + 1).append(' ').append((flip ? e[0] : e[1]) + 1).append('\n');
        }

        CommGraph graph = MatrixMarketReader.read(write("random.mtx", text.toString()));

        assertThat(TestGraphs.edges(graph)).isDeepEqualTo(edges);
    }

    @Test
    void readsTheBenchmarkInstances() {
        CommGraph graph = TestGraphs.resource("bcspwr01");

        assertThat(graph.vertexCount()).isEqualTo(39);
        assertThat(graph.edgeCount()).isEqualTo(46);
    }

    // ---- bad files: each names the file, the line and what was expected there ----

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = write("empty.mtx", "");

        assertRejected(file, 1, "the file is empty", "expected the header");
    }

    @Test
    void rejectsAWrongHeader() throws IOException {
        Path file = write("tensor.mtx", "%%MatrixMarket tensor coordinate real general\n2 2 0\n");

        assertRejected(file, 1, "header '%%MatrixMarket tensor coordinate real general' is not a MatrixMarket header",
                "expected '%%MatrixMarket matrix coordinate");
    }

    @Test
    void rejectsAFileWithoutAHeader() throws IOException {
        Path file = write("headless.mtx", "2 2 1\n1 2\n");

        assertRejected(file, 1, "header '2 2 1' is not a MatrixMarket header");
    }

    @Test
    void rejectsTheDenseArrayFormat() throws IOException {
        Path file = write("dense.mtx", "%%MatrixMarket matrix array real general\n2 2\n1.0\n0.0\n0.0\n1.0\n");

        assertRejected(file, 1, "format 'array' is not supported", "expected 'coordinate'");
    }

    @Test
    void rejectsAnUnknownField() throws IOException {
        Path file = write("field.mtx", "%%MatrixMarket matrix coordinate double general\n2 2 0\n");

        assertRejected(file, 1, "field 'double'", "expected pattern, integer, real or complex");
    }

    @Test
    void rejectsAnUnknownSymmetry() throws IOException {
        Path file = write("symmetry.mtx", "%%MatrixMarket matrix coordinate real upper\n2 2 0\n");

        assertRejected(file, 1, "symmetry 'upper'", "expected general, symmetric, skew-symmetric or hermitian");
    }

    @Test
    void rejectsAFileThatEndsBeforeTheSizeLine() throws IOException {
        Path file = write("no-size.mtx", "%%MatrixMarket matrix coordinate real general\n% only a comment\n");

        assertRejected(file, 2, "the file ends before the size line", "'rows columns entries'");
    }

    @Test
    void rejectsASizeLineWithTheWrongNumberOfFields() throws IOException {
        Path file = write("size-fields.mtx", "%%MatrixMarket matrix coordinate real general\n% c\n4 4\n");

        assertRejected(file, 3, "size line '4 4' has 2 fields", "expected 'rows columns entries'");
    }

    @Test
    void rejectsASizeLineThatIsNotACount() throws IOException {
        Path file = write("size-count.mtx", "%%MatrixMarket matrix coordinate real general\n4 4 many\n");

        assertRejected(file, 2, "entries 'many' is not a count", "expected a non-negative integer");
    }

    @Test
    void rejectsANegativeSize() throws IOException {
        Path file = write("size-negative.mtx", "%%MatrixMarket matrix coordinate real general\n-4 -4 0\n");

        assertRejected(file, 2, "rows '-4' is not a count", "expected a non-negative integer");
    }

    @Test
    void rejectsANonSquareMatrix() throws IOException {
        Path file = write("rectangular.mtx", "%%MatrixMarket matrix coordinate pattern general\n3 4 1\n1 2\n");

        assertRejected(file, 2, "the matrix is 3×4", "a graph needs a square matrix");
    }

    @Test
    void rejectsIndexZero() throws IOException {
        Path file = write("zero.mtx", "%%MatrixMarket matrix coordinate pattern symmetric\n3 3 2\n2 1\n0 1\n");

        assertRejected(file, 4, "row index 0 is out of range", "expected 1..3", "1-based");
    }

    @Test
    void rejectsIndexBeyondVertexCount() throws IOException {
        Path file = write("beyond.mtx", "%%MatrixMarket matrix coordinate pattern symmetric\n3 3 2\n2 1\n1 4\n");

        assertRejected(file, 4, "column index 4 is out of range", "expected 1..3");
    }

    @Test
    void rejectsANonIntegerIndex() throws IOException {
        Path file = write("fractional.mtx", "%%MatrixMarket matrix coordinate real symmetric\n3 3 1\n2.0 1 5\n");

        assertRejected(file, 3, "row index '2.0' is not an integer", "expected 1..3");
    }

    @Test
    void rejectsATruncatedFile() throws IOException {
        Path file = write("truncated.mtx", "%%MatrixMarket matrix coordinate pattern symmetric\n3 3 3\n2 1\n3 2\n");

        assertRejected(file, 4, "the file ends after 2 entries", "the size line promises 3", "truncated");
    }

    @Test
    void rejectsMoreEntriesThanTheSizeLineDeclares() throws IOException {
        Path file = write("extra.mtx", "%%MatrixMarket matrix coordinate pattern symmetric\n3 3 1\n2 1\n\n3 2\n");

        assertRejected(file, 5, "entry '3 2' is one more than the 1 the size line promises",
                "expected the end of the file");
    }

    @Test
    void rejectsAPatternEntryWithAValue() throws IOException {
        Path file = write("pattern-value.mtx", "%%MatrixMarket matrix coordinate pattern symmetric\n3 3 1\n2 1 5\n");

        assertRejected(file, 3, "entry '2 1 5' has 3 fields", "expected 2 ('i j' for a pattern matrix)");
    }

    @Test
    void rejectsARealEntryWithoutAValue() throws IOException {
        Path file = write("real-short.mtx", "%%MatrixMarket matrix coordinate real symmetric\n3 3 2\n2 1 1\n3 1\n");

        assertRejected(file, 4, "entry '3 1' has 2 fields", "expected 3 ('i j value' for a real matrix)");
    }

    @Test
    void rejectsAComplexEntryWithoutItsImaginaryPart() throws IOException {
        Path file = write("complex-short.mtx", "%%MatrixMarket matrix coordinate complex general\n3 3 1\n2 1 1.5\n");

        assertRejected(file, 3, "entry '2 1 1.5' has 3 fields", "expected 4 ('i j real imaginary' for a complex matrix)");
    }

    @Test
    void rejectsANonNumericValue() throws IOException {
        Path file = write("word.mtx", "%%MatrixMarket matrix coordinate real symmetric\n3 3 1\n2 1 heavy\n");

        assertRejected(file, 3, "value 'heavy' is not a finite number", "expected the entry's real value");
    }

    @Test
    void rejectsAFractionInAnIntegerMatrix() throws IOException {
        Path file = write("integer-fraction.mtx", "%%MatrixMarket matrix coordinate integer symmetric\n3 3 1\n2 1 2.5\n");

        assertRejected(file, 3, "value '2.5' is not an integer", "expected the entry's integer value");
    }

    @Test
    void rejectsNotANumberAndInfinity() throws IOException {
        Path nan = write("nan.mtx", "%%MatrixMarket matrix coordinate real symmetric\n3 3 1\n2 1 NaN\n");
        Path huge = write("huge-value.mtx", "%%MatrixMarket matrix coordinate real symmetric\n3 3 2\n2 1 1\n3 1 1e999\n");

        assertRejected(nan, 3, "value 'NaN' is not a finite number");
        assertRejected(huge, 4, "value '1e999' is not a finite number");
    }

    @Test
    void rejectsAFileThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.mtx");
        Files.write(file, new byte[] {'%', '%', (byte) 0xC0, (byte) 0xFF, '\n'});

        assertThatThrownBy(() -> MatrixMarketReader.read(file))
                .isInstanceOf(InputFormatException.class)
                .hasMessage(file + ": is not UTF-8 text");
    }

    @Test
    void rejectsAnEntryCountTheFileDoesNotHoldWithoutAllocatingForIt() throws IOException {
        Path file = write("liar.mtx", "%%MatrixMarket matrix coordinate pattern symmetric\n3 3 3000000000\n2 1\n");

        assertThatThrownBy(() -> MatrixMarketReader.read(file))
                .isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith(file + ":")
                .hasMessageContaining("3000000000");
    }

    // ---- helpers ----

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Asserts the reader fails at {@code file:line:} with every fragment in its message. */
    private static void assertRejected(Path file, long line, String... fragments) {
        assertThatThrownBy(() -> MatrixMarketReader.read(file))
                .isInstanceOfSatisfying(InputFormatException.class, e -> {
                    assertThat(e.getMessage()).startsWith(file + ":" + line + ": ");
                    assertThat(e.getMessage()).contains(file.getFileName().toString());
                    assertThat(e.getMessage()).contains(fragments);
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(line);
                });
    }

    private static double weight(CommGraph graph, int u, int v) {
        for (int a = graph.firstArc(u); a < graph.endArc(u); a++) {
            if (graph.target(a) == v) {
                return graph.weight(a);
            }
        }
        throw new AssertionError("no edge " + u + " - " + v);
    }
}
