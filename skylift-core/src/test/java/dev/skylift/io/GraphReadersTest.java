package dev.skylift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skylift.graph.CommGraph;
import dev.skylift.io.GraphReaders.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphReadersTest {

    private static final String MATRIX = "%%MatrixMarket matrix coordinate pattern symmetric\n3 3 2\n2 1\n3 2\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"graph.mtx", "GRAPH.MTX", "g.Mtx"})
    void detectsMatrixMarketByTheFileNameAlone(String name) throws IOException {
        // The name decides before the content is read: this one holds an edge list.
        Path file = Files.writeString(dir.resolve(name), "a b\n");

        assertThat(GraphReaders.detect(file)).isEqualTo(Format.MATRIX_MARKET);
    }

    @Test
    void detectsMatrixMarketByItsHeaderLine() throws IOException {
        Path file = Files.writeString(dir.resolve("graph.txt"), MATRIX);

        assertThat(GraphReaders.detect(file)).isEqualTo(Format.MATRIX_MARKET);
        assertThat(GraphReaders.read(file).edgeCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b\n", "", "% MatrixMarket-like comment\n1 2\n", "# %%MatrixMarket\n"})
    void detectsAnEdgeListOtherwise(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("graph.edges"), content);

        assertThat(GraphReaders.detect(file)).isEqualTo(Format.EDGE_LIST);
    }

    @Test
    void readsEachFormatWithItsReader() throws IOException {
        Path matrix = Files.writeString(dir.resolve("m.mtx"), MATRIX);
        Path edges = Files.writeString(dir.resolve("e.txt"), "x y 2\ny z\n");

        CommGraph fromMatrix = GraphReaders.read(matrix);
        CommGraph fromEdges = GraphReaders.read(edges);

        assertThat(fromMatrix.labels().label(2)).isEqualTo("3");
        assertThat(fromEdges.labels().label(2)).isEqualTo("z");
        assertThat(fromEdges.isWeighted()).isTrue();
        assertThat(GraphReaders.read(edges, Format.EDGE_LIST).vertexCount()).isEqualTo(3);
    }

    @Test
    void readsAFileInTheFormatItIsToldEvenAgainstItsName() throws IOException {
        Path file = Files.writeString(dir.resolve("edges.mtx"), "x y\n");

        assertThat(GraphReaders.read(file, Format.EDGE_LIST).vertexCount()).isEqualTo(2);
        assertThatThrownBy(() -> GraphReaders.read(file)).isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith(file + ":1: ");
    }

    @Test
    void failsOnAMissingFileNamingIt() {
        Path missing = dir.resolve("missing.edges");

        assertThatThrownBy(() -> GraphReaders.detect(missing)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing.edges");
        assertThatThrownBy(() -> GraphReaders.read(missing, Format.EDGE_LIST))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing.edges");
    }

    @ParameterizedTest
    @CsvSource({"mtx, MATRIX_MARKET", "MTX, MATRIX_MARKET", "matrix-market, MATRIX_MARKET", "MatrixMarket, MATRIX_MARKET",
            "edges, EDGE_LIST", "Edge-List, EDGE_LIST", "edgelist, EDGE_LIST"})
    void parsesFormatNamesInAnyCase(String name, Format expected) {
        assertThat(Format.parse(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "", "mtx ", "edge list"})
    void rejectsAnUnknownFormatNameNamingIt(String name) {
        assertThatThrownBy(() -> Format.parse(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'").hasMessageContaining("expected mtx or edges");
    }
}
