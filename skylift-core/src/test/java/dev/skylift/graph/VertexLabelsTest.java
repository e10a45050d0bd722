package dev.skylift.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VertexLabelsTest {

    @Test
    void labelsVerticesByTheirOneBasedIndex() {
        VertexLabels labels = VertexLabels.oneBased(12);

        assertThat(labels.size()).isEqualTo(12);
        assertThat(labels.label(0)).isEqualTo("1");
        assertThat(labels.label(9)).isEqualTo("10");
        assertThat(labels.label(11)).isEqualTo("12");
    }

    @Test
    void findsEveryOneBasedLabelItGives() {
        VertexLabels labels = VertexLabels.oneBased(1000);

        for (int v = 0; v < 1000; v++) {
            assertThat(labels.indexOf(labels.label(v))).isEqualTo(v);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "007", "01", "-1", "+1", "13", "1000", "", " 1", "1 ", "1.0", "1e1", "x", "٣",
            "2147483648", "99999999999", "-0"})
    void findsNoVertexForALabelItDoesNotGive(String label) {
        assertThat(VertexLabels.oneBased(12).indexOf(label)).isEqualTo(-1);
    }

    @Test
    void findsTheLastVertexOfTheLargestOneBasedRange() {
        VertexLabels labels = VertexLabels.oneBased(Integer.MAX_VALUE);

        assertThat(labels.indexOf("2147483647")).isEqualTo(Integer.MAX_VALUE - 1);
        assertThat(labels.indexOf("2147483648")).isEqualTo(-1);
        assertThat(labels.label(Integer.MAX_VALUE - 1)).isEqualTo("2147483647");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 12, Integer.MAX_VALUE})
    void rejectsAVertexOutsideTheOneBasedRange(int vertex) {
        VertexLabels labels = VertexLabels.oneBased(12);

        assertThatThrownBy(() -> labels.label(vertex)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining(String.valueOf(vertex));
    }

    @Test
    void rejectsANegativeCount() {
        assertThatThrownBy(() -> VertexLabels.oneBased(-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-3");
    }

    @Test
    void labelsNoVerticesWhenThereAreNone() {
        VertexLabels labels = VertexLabels.oneBased(0);

        assertThat(labels.size()).isZero();
        assertThat(labels.indexOf("1")).isEqualTo(-1);
        assertThat(VertexLabels.of().size()).isZero();
    }

    @Test
    void findsNamedLabelsAndOnlyThose() {
        VertexLabels labels = VertexLabels.of("10.0.0.1", "web-1", "東京-db");

        assertThat(labels.size()).isEqualTo(3);
        assertThat(labels.label(1)).isEqualTo("web-1");
        assertThat(labels.indexOf("10.0.0.1")).isZero();
        assertThat(labels.indexOf("東京-db")).isEqualTo(2);
        assertThat(labels.indexOf("web-2")).isEqualTo(-1);
        assertThat(labels.indexOf("1")).isEqualTo(-1);
    }

    @Test
    void rejectsALabelGivenTwiceNamingBothVertices() {
        assertThatThrownBy(() -> VertexLabels.of("a", "b", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'")
                .hasMessageContaining("vertex 0")
                .hasMessageContaining("vertex 2");
        assertThatThrownBy(() -> VertexLabels.of(List.of("x", "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAMissingLabel() {
        assertThatThrownBy(() -> VertexLabels.of("a", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vertex 1");
    }

    @Test
    void keepsItsOwnCopyOfTheNames() {
        String[] names = {"a", "b"};
        List<String> list = new ArrayList<>(List.of("c", "d"));
        VertexLabels fromArray = VertexLabels.of(names);
        VertexLabels fromList = VertexLabels.of(list);

        names[0] = "z";
        list.set(0, "z");

        assertThat(fromArray.label(0)).isEqualTo("a");
        assertThat(fromArray.indexOf("a")).isZero();
        assertThat(fromList.label(0)).isEqualTo("c");
    }
}
