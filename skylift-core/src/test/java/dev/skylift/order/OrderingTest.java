package dev.skylift.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.TestGraphs;
import dev.skylift.graph.VertexLabels;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderingTest {

    private static final LowerBound NONE = new LowerBound(0, "none");

    @Test
    void computesTheBandwidthFromTheOrderItself() {
        // Path 0-1-2-3 ordered 0, 2, 1, 3: the edges span 2, 1 and 2 positions.
        CommGraph path = TestGraphs.path(4);

        Ordering ordering = Ordering.certify(path, new int[] {0, 2, 1, 3}, "test", NONE, Duration.ZERO);

        assertThat(ordering.bandwidth()).isEqualTo(2);
        assertThat(ordering.positionOf(2)).isEqualTo(1);
        assertThat(ordering.vertexAt(3)).isEqualTo(3);
        assertThat(ordering.optimal()).isFalse();
        assertThat(ordering.method()).isEqualTo("test");
    }

    @Test
    void isOptimalWhenItMeetsItsBound() {
        Ordering ordering = Ordering.certify(TestGraphs.path(4), new int[] {3, 2, 1, 0}, "test",
                new LowerBound(1, "edges"), Duration.ZERO);

        assertThat(ordering.bandwidth()).isEqualTo(1);
        assertThat(ordering.optimal()).isTrue();
    }

    @Test
    void refusesABoundAboveTheBandwidth() {
        assertThatThrownBy(() -> Ordering.certify(TestGraphs.path(4), new int[] {0, 1, 2, 3}, "test",
                new LowerBound(2, "a wrong bound"), Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a wrong bound").hasMessageContaining("exceeds the bandwidth 1");
    }

    @Test
    void refusesAnOrderThatIsNotAPermutation() {
        CommGraph path = TestGraphs.path(3);

        assertThatThrownBy(() -> Ordering.certify(path, new int[] {0, 1}, "t", NONE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 entries for 3 vertices");
        assertThatThrownBy(() -> Ordering.certify(path, new int[] {0, 1, 1}, "t", NONE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vertex 1");
        assertThatThrownBy(() -> Ordering.certify(path, new int[] {0, 1, 3}, "t", NONE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vertex 3");
        assertThatThrownBy(() -> Ordering.certify(path, new int[] {0, -1, 2}, "t", NONE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vertex -1");
    }

    @Test
    void keepsItsOwnCopyOfTheOrder() {
        int[] order = {1, 0, 2};
        Ordering ordering = Ordering.certify(TestGraphs.path(3), order, "t", NONE, Duration.ZERO);

        order[0] = 2;
        ordering.order()[1] = 2;
        ordering.positions()[0] = 2;

        assertThat(ordering.order()).containsExactly(1, 0, 2);
        assertThat(ordering.positions()).containsExactly(1, 0, 2);
    }

    @Test
    void listsLabelsInMigrationOrder() {
        CommGraph graph = TestGraphs.path(3).withLabels(VertexLabels.of("web", "app", "db"));

        Ordering ordering = Ordering.certify(graph, new int[] {2, 0, 1}, "t", NONE, Duration.ZERO);

        assertThat(ordering.labels(graph.labels())).containsExactly("db", "web", "app");
    }

    @Test
    void measuresTheBandwidthOfPositions() {
        CommGraph star = TestGraphs.star(4);

        assertThat(Bandwidth.of(star, new int[] {2, 0, 1, 3, 4})).isEqualTo(2);
        assertThat(Bandwidth.of(star, new int[] {0, 1, 2, 3, 4})).isEqualTo(4);
        assertThat(Bandwidth.of(TestGraphs.edgeless(3), new int[] {2, 1, 0})).isZero();
        assertThat(Bandwidth.positions(new int[] {2, 0, 1}, 3)).containsExactly(1, 2, 0);
    }

    @Test
    void keepsTheLargerOfTwoBoundsAndTheFirstOnATie() {
        LowerBound degree = new LowerBound(3, "degree");
        LowerBound diameter = new LowerBound(5, "diameter");
        LowerBound density = new LowerBound(3, "density");

        assertThat(degree.max(diameter)).isSameAs(diameter);
        assertThat(diameter.max(degree)).isSameAs(diameter);
        assertThat(degree.max(density)).isSameAs(degree);
        assertThatThrownBy(() -> new LowerBound(-1, "negative")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowsOnlyAPositiveTimeLimit() {
        OrderingOptions defaults = OrderingOptions.defaults();

        assertThat(defaults.timeLimit()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.seed()).isEqualTo(1L);
        assertThat(defaults.withSeed(9).seed()).isEqualTo(9L);
        assertThat(defaults.withTimeLimit(Duration.ofMillis(5)).timeLimit()).isEqualTo(Duration.ofMillis(5));
        assertThatThrownBy(() -> defaults.withTimeLimit(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withTimeLimit(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderingOptions(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void findsOrderersByNameAndNamesTheKnownOnesOtherwise() {
        assertThat(Orderers.names()).startsWith("auto").contains("rcm", "cm");
        for (String name : Orderers.names()) {
            assertThat(Orderers.byName(name).name()).isEqualTo(name);
        }
        assertThat(Orderers.byName("rcm")).isNotSameAs(Orderers.byName("rcm"));
        assertThatThrownBy(() -> Orderers.byName("fastest")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fastest'").hasMessageContaining("rcm");
    }
}
