package dev.skylift.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BreadthFirstSearchTest {

    static Stream<Named<CommGraph>> graphs() {
        List<Named<CommGraph>> graphs = new ArrayList<>();
        graphs.add(Named.of("path 9", TestGraphs.path(9)));
        graphs.add(Named.of("star 6", TestGraphs.star(6)));
        graphs.add(Named.of("grid 4x5", TestGraphs.shuffled(TestGraphs.grid(4, 5), 1)));
        graphs.add(Named.of("two components and an isolated vertex",
                TestGraphs.disjointUnion(TestGraphs.cycle(5), TestGraphs.singleVertex(), TestGraphs.complete(4))));
        for (int n : new int[] {30, 64, 65, 130, 500}) {
            for (long seed = 1; seed <= 3; seed++) {
                graphs.add(Named.of("random n=" + n + " seed " + seed,
                        TestGraphs.randomSparse(n, n + n / 3, seed * n)));
            }
        }
        graphs.add(Named.of("random tree 300", TestGraphs.randomTree(300, 3)));
        return graphs.stream();
    }

    @Test
    void levelsAPathFromOneEnd() {
        LevelStructure levels = new BreadthFirstSearch(TestGraphs.path(6)).levels(0);

        assertThat(levels.root()).isZero();
        assertThat(levels.vertices()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(levels.depth()).isEqualTo(5);
        assertThat(levels.levelCount()).isEqualTo(6);
        assertThat(levels.width()).isEqualTo(1);
        assertThat(levels.lastLevel()).containsExactly(5);
        assertThat(levels.size()).isEqualTo(6);
    }

    @Test
    void levelsAStarFromTheHubAndFromALeaf() {
        BreadthFirstSearch bfs = new BreadthFirstSearch(TestGraphs.star(5));

        LevelStructure fromHub = bfs.levels(0);
        LevelStructure fromLeaf = bfs.levels(3);

        assertThat(fromHub.depth()).isEqualTo(1);
        assertThat(fromHub.width()).isEqualTo(5);
        assertThat(fromHub.lastLevel()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(fromLeaf.depth()).isEqualTo(2);
        assertThat(fromLeaf.width()).isEqualTo(4);
        assertThat(fromLeaf.levelSize(0)).isEqualTo(1);
        assertThat(fromLeaf.levelSize(1)).isEqualTo(1);
        assertThat(fromLeaf.lastLevel()).containsExactlyInAnyOrder(1, 2, 4, 5);
    }

    @Test
    void levelsAnIsolatedVertexAlone() {
        BreadthFirstSearch bfs = new BreadthFirstSearch(TestGraphs.disjointUnion(TestGraphs.path(3), TestGraphs.singleVertex()));

        LevelStructure levels = bfs.levels(3);

        assertThat(levels.vertices()).containsExactly(3);
        assertThat(levels.depth()).isZero();
        assertThat(levels.width()).isEqualTo(1);
        assertThat(bfs.eccentricity(3)).isZero();
        assertThat(bfs.ballSizes(3)).containsExactly(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void levelsMatchBreadthFirstDistances(CommGraph graph) {
        int[][] adjacency = TestGraphs.adjacency(graph);
        BreadthFirstSearch bfs = new BreadthFirstSearch(graph);

        for (int root = 0; root < graph.vertexCount(); root++) {
            int[] distance = TestGraphs.distances(adjacency, root);
            LevelStructure levels = bfs.levels(root);

            int reached = 0;
            int eccentricity = 0;
            for (int d : distance) {
                if (d >= 0) {
                    reached++;
                    eccentricity = Math.max(eccentricity, d);
                }
            }
            int[] levelSizes = new int[eccentricity + 1];
            for (int d : distance) {
                if (d >= 0) {
                    levelSizes[d]++;
                }
            }
            assertThat(levels.root()).isEqualTo(root);
            assertThat(levels.vertices()[0]).isEqualTo(root);
            assertThat(levels.size()).isEqualTo(reached);
            assertThat(levels.depth()).isEqualTo(eccentricity);
            assertThat(levels.levelCount()).isEqualTo(eccentricity + 1);
            int width = 0;
            for (int level = 0; level < levels.levelCount(); level++) {
                assertThat(levels.levelSize(level)).as("size of level %d from %d", level, root)
                        .isEqualTo(levelSizes[level]);
                for (int i = levels.levelStart()[level]; i < levels.levelStart()[level + 1]; i++) {
                    assertThat(distance[levels.vertices()[i]]).isEqualTo(level);
                }
                width = Math.max(width, levelSizes[level]);
            }
            assertThat(levels.width()).isEqualTo(width);
            assertThat(levels.lastLevel()).hasSize(levelSizes[eccentricity]);
            for (int v : levels.lastLevel()) {
                assertThat(distance[v]).isEqualTo(eccentricity);
            }
            assertThat(bfs.eccentricity(root)).isEqualTo(eccentricity);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void countsTheVerticesWithinEachDistance(CommGraph graph) {
        int[][] adjacency = TestGraphs.adjacency(graph);
        BreadthFirstSearch bfs = new BreadthFirstSearch(graph);

        for (int root = 0; root < graph.vertexCount(); root++) {
            int[] distance = TestGraphs.distances(adjacency, root);
            int[] balls = bfs.ballSizes(root);

            assertThat(balls).hasSize(TestGraphs.eccentricity(adjacency, root) + 1);
            for (int k = 0; k < balls.length; k++) {
                int within = 0;
                for (int d : distance) {
                    if (d >= 0 && d <= k) {
                        within++;
                    }
                }
                assertThat(balls[k]).as("ball of radius %d around %d", k, root).isEqualTo(within);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void givesUpExactlyWhenSomeLevelIsWiderThanAllowed(CommGraph graph) {
        int[][] adjacency = TestGraphs.adjacency(graph);
        BreadthFirstSearch bfs = new BreadthFirstSearch(graph);
        SplittableRandom random = new SplittableRandom(graph.vertexCount());

        for (int root = 0; root < graph.vertexCount(); root++) {
            int[] distance = TestGraphs.distances(adjacency, root);
            int[] levelSizes = new int[graph.vertexCount()];
            int width = 0;
            for (int d : distance) {
                if (d >= 0) {
                    width = Math.max(width, ++levelSizes[d]);
                }
            }
            int maxWidth = random.nextInt(width + 2);

            LevelStructure levels = bfs.levels(root, maxWidth);

            if (width > maxWidth) {
                assertThat(levels).as("root %d, widest level %d, allowed %d", root, width, maxWidth).isNull();
            } else {
                assertThat(levels).as("root %d, widest level %d, allowed %d", root, width, maxWidth).isNotNull();
                assertThat(levels.width()).isEqualTo(width);
            }
        }
    }

    @Test
    void forgetsAnAbandonedSearchBeforeTheNext() {
        // Two components of 100 vertices each, spread over several words of the visited set.
        CommGraph graph = TestGraphs.shuffled(TestGraphs.disjointUnion(TestGraphs.star(99), TestGraphs.grid(10, 10)), 4);
        int[][] adjacency = TestGraphs.adjacency(graph);
        BreadthFirstSearch bfs = new BreadthFirstSearch(graph);
        int hub = -1;
        for (int v = 0; v < graph.vertexCount(); v++) {
            if (graph.degree(v) == 99) {
                hub = v;
            }
        }

        assertThat(bfs.levels(hub, 5)).isNull();
        for (int root = 0; root < graph.vertexCount(); root++) {
            assertThat(bfs.levels(root).size()).isEqualTo(100);
            assertThat(bfs.eccentricity(root)).isEqualTo(TestGraphs.eccentricity(adjacency, root));
            bfs.levels(root, 1);
        }
        assertThat(bfs.levels(hub).depth()).isEqualTo(1);
        assertThat(bfs.levels(hub).width()).isEqualTo(99);
    }
}
