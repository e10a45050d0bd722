package dev.skylift.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.TestGraphs;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CP-SAT decision against brute force: "no" at every k below the optimum (a "no" is only ever
 * the solver's INFEASIBLE, so this checks that the model with its windows and symmetry breaking
 * refutes nothing that exists), "yes" with a valid order at it.
 */
class BandwidthSatDecisionTest {

    @Test
    void theNativeSolverLoadsOnThisPlatform() {
        // The project's machines and CI are Linux x86-64, the one binary the build keeps.
        assertThat(BandwidthSatDecision.available()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void decidesEveryConnectedGraphOnFewVerticesLikeBruteForce(int n) {
        List<CommGraph> graphs = TestGraphs.allConnected(n);
        assertThat(graphs).isNotEmpty();
        for (CommGraph graph : graphs) {
            checkEveryK(graph);
        }
    }

    @Test
    void decidesSeededRandomGraphsOfSixToNineVerticesLikeBruteForce() {
        for (CommGraph graph : TestGraphs.randomConnected(new SplittableRandom(2031), 250, 6, 9, 0.15, 0.7)) {
            checkEveryK(graph);
        }
    }

    /** Graphs made of twin classes, where the twin order and the reversal symmetry both apply. */
    @Test
    void decidesTwinRichGraphsLikeBruteForce() {
        checkEveryK(TestGraphs.star(7));
        checkEveryK(TestGraphs.completeBipartite(2, 5));
        checkEveryK(TestGraphs.completeBipartite(3, 4));
        checkEveryK(TestGraphs.complete(6));
        checkEveryK(TestGraphs.shuffled(TestGraphs.completeBipartite(3, 5), 11));
        checkEveryK(TestGraphs.path(9));
        checkEveryK(TestGraphs.cycle(8));
        SplittableRandom random = new SplittableRandom(77);
        for (int i = 0; i < 40; i++) {
            checkEveryK(TestGraphs.shuffled(TestGraphs.randomTree(7 + random.nextInt(3), random.nextLong()),
                    random.nextLong()));
        }
    }

    /** Grids past brute force, with their known bandwidth min(rows, columns) (Chvátalová 1975). */
    @Test
    void decidesRenumberedGridsAtTheirKnownBandwidth() {
        long far = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (int rows = 2; rows <= 4; rows++) {
            for (int columns = rows; columns <= 6; columns++) {
                CommGraph grid = TestGraphs.shuffled(TestGraphs.grid(rows, columns), 17L * rows + columns);
                BandwidthDecision.Problem problem = new BandwidthDecision.Problem(grid);

                BandwidthDecision.Result no = BandwidthSatDecision.decide(problem, rows - 1, far, () -> false, 1);
                BandwidthDecision.Result yes = BandwidthSatDecision.decide(problem, rows, far, () -> false, 1);

                assertThat(no.answer()).as("%d×%d at k=%d", rows, columns, rows - 1)
                        .isEqualTo(BandwidthDecision.Answer.NO);
                assertThat(yes.answer()).as("%d×%d at k=%d", rows, columns, rows)
                        .isEqualTo(BandwidthDecision.Answer.YES);
                int[] position = Bandwidth.positions(yes.order(), grid.vertexCount());
                assertThat(BruteForce.bandwidth(TestGraphs.edges(grid), position)).isLessThanOrEqualTo(rows);
            }
        }
    }

    @Test
    void aCancelledDecisionAnswersNothing() {
        CommGraph grid = TestGraphs.shuffled(TestGraphs.grid(9, 9), 5);
        BandwidthDecision.Problem problem = new BandwidthDecision.Problem(grid);
        long far = System.nanoTime() + Duration.ofMinutes(1).toNanos();

        BandwidthDecision.Result result = BandwidthSatDecision.decide(problem, 8, far, () -> true, 1);

        assertThat(result.answer()).isEqualTo(BandwidthDecision.Answer.UNKNOWN);
    }

    private static void checkEveryK(CommGraph graph) {
        int optimum = BruteForce.optimum(graph);
        BandwidthDecision.Problem problem = new BandwidthDecision.Problem(graph);
        long far = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        // Both models, the symmetry broken at either end of the path, must answer alike.
        for (boolean otherEnd : new boolean[] {false, true}) {
            for (int k = 0; k < optimum; k++) {
                assertThat(BandwidthSatDecision.decide(problem, k, far, () -> false, 1, otherEnd).answer())
                        .as("%s at k=%d, other end %s", TestGraphs.edges(graph).length, k, otherEnd)
                        .isEqualTo(BandwidthDecision.Answer.NO);
            }
            BandwidthDecision.Result yes = BandwidthSatDecision.decide(problem, optimum, far, () -> false, 1, otherEnd);
            assertThat(yes.answer()).as("optimum %d, other end %s", optimum, otherEnd)
                    .isEqualTo(BandwidthDecision.Answer.YES);
            int[] position = Bandwidth.positions(yes.order(), graph.vertexCount());
            assertThat(BruteForce.bandwidth(TestGraphs.edges(graph), position)).isLessThanOrEqualTo(optimum);
        }
    }
}
