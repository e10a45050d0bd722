package dev.skylift.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.graph.CommGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AutoOrdererTest extends AbstractOrdererTest {

    @Override
    protected Orderer orderer() {
        return Orderers.byName("auto");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void isNeverWiderThanReverseCuthillMcKee(CommGraph graph) {
        // auto picks the best method for the graph, and RCM is always among the candidates.
        Ordering auto = orderer().order(graph);
        Ordering rcm = CuthillMcKee.reverse().order(graph);

        assertThat(auto.bandwidth()).isLessThanOrEqualTo(rcm.bandwidth());
    }

    @Test
    void isSelectedByTheNameAuto() {
        assertThat(orderer().name()).isEqualTo("auto");
        assertThat(Orderers.names().get(0)).isEqualTo("auto");
    }
}
