package dev.skylift.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.graph.CommGraph;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AutoOrdererTest extends AbstractOrdererTest {

    private static final OrderingOptions QUICK =
            new OrderingOptions(Duration.ofMillis(300), 1L).withIterationLimit(2_000);
    private static final Orderer MEMO = new MemoOrderer(Orderers.byName("auto"));

    @Override
    protected Orderer orderer() {
        return MEMO;
    }

    @Override
    protected OrderingOptions options() {
        return QUICK;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void isNeverWiderThanReverseCuthillMcKee(CommGraph graph) {
        // auto picks the best method for the graph, and RCM is always among the candidates.
        Ordering auto = orderer().order(graph, QUICK);
        Ordering rcm = CuthillMcKee.reverse().order(graph);

        assertThat(auto.bandwidth()).isLessThanOrEqualTo(rcm.bandwidth());
    }

    @Test
    void isSelectedByTheNameAuto() {
        assertThat(Orderers.byName("auto").name()).isEqualTo("auto");
        assertThat(Orderers.names().get(0)).isEqualTo("auto");
    }
}
