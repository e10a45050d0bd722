package dev.skylift.graph;

import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises interval graphs (intersection graphs of intervals on a line) and builds an interval
 * model for them. Every model it returns has been checked edge for edge against the graph, so a
 * wrong "yes" is impossible; a graph it rejects has, by the theory below, no interval model.
 *
 * <h2>Design</h2>
 * The route is the classical one of D. R. Fulkerson and O. A. Gross, "Incidence matrices and
 * interval graphs", Pacific J. Math. 15(3), 1965, with linear-time pieces where they exist:
 * <ol>
 *   <li>Lexicographic breadth-first search and the perfect-elimination test of D. J. Rose,
 *       R. E. Tarjan and G. S. Lueker, "Algorithmic aspects of vertex elimination on graphs",
 *       SIAM J. Comput. 5(2), 1976: an interval graph is chordal, and the reverse of a LexBFS order
 *       of a chordal graph is a perfect elimination order. O(n + m).</li>
 *   <li>The maximal cliques read off that order (F. Gavril 1972; M. C. Golumbic, <i>Algorithmic
 *       Graph Theory and Perfect Graphs</i>, 1980, ch. 4): the clique {v} ∪ (v's earlier neighbours) is
 *       maximal unless a vertex whose nearest earlier neighbour is v has exactly one earlier
 *       neighbour more. A chordal graph has at most n of them, of total size at most n + m.</li>
 *   <li>A graph is an interval graph exactly when its maximal cliques can be put in a row in which
 *       the cliques holding any one vertex are consecutive (P. C. Gilmore and A. J. Hoffman 1964;
 *       Fulkerson and Gross 1965) — the consecutive-ones property of the clique matrix. The row is
 *       found by the overlap decomposition of Fulkerson and Gross (the same decomposition underlies
 *       W.-L. Hsu, "A simple test for the consecutive ones property", J. Algorithms 43(1), 2002):
 *       write S(v) for the set of cliques holding v; two sets overlap when they meet and neither
 *       holds the other. Within a connected component of the overlap relation the arrangement of
 *       the component's atoms (classes of cliques lying in the same sets) is unique up to reversal,
 *       and adding the sets in breadth-first order of the overlap relation builds it
 *       incrementally: each new set meets the placed ones, so it must cover a run of atoms whose
 *       inner atoms it fills, splitting the two end atoms, and its new cliques can only extend the
 *       row at one end. Once equal sets are merged, distinct components nest: the union of one
 *       lies inside a single atom of the other or they are disjoint. Taking components by decreasing union, each one hangs
 *       inside the deepest atom already holding its cliques, and the row is that tree read in
 *       order.</li>
 *   <li>Vertex v becomes the interval from the first to the last position of its cliques. The model
 *       is then checked: every edge must join intersecting intervals and the number of intersecting
 *       pairs must equal the number of edges (counted by a sweep).</li>
 * </ol>
 * Two sets meet exactly when their vertices are adjacent, and S(u) ⊆ S(v) exactly when
 * N[u] ⊆ N[v]; the overlap test costs min(|S(u)|, |S(v)|) per edge. The whole runs in
 * O(n + m + Σ_{uv ∈ E} min(c(u), c(v))) time, c(v) being the number of maximal cliques holding v:
 * linear when vertices lie in few cliques and O(n·m) at worst. Memory is O(n + m).
 */
public final class IntervalGraphInspector {

    private static final int ELEMENT = 0;
    private static final int ATOM = 1;
    private static final int COMPONENT = 2;

    private IntervalGraphInspector() {
    }

    /** Whether the graph is an interval graph. */
    public static boolean isIntervalGraph(CommGraph graph) {
        return intervalModel(graph).isPresent();
    }

    /**
     * An interval model of the graph, checked against it, or empty when the graph is not an
     * interval graph. A disconnected graph gets its components side by side.
     */
    public static Optional<IntervalModel> intervalModel(CommGraph graph) {
        int n = graph.vertexCount();
        if (n == 0) {
            return Optional.of(new IntervalModel(new int[0], new int[0], 0));
        }
        int[] order = lexBfs(graph);
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            position[order[i]] = i;
        }
        int[] parent = new int[n];
        int[] earlierCount = new int[n];
        if (!isPerfectElimination(graph, order, position, parent, earlierCount)) {
            return Optional.empty();
        }
        Cliques cliques = maximalCliques(graph, order, position, parent, earlierCount);
        int[] cliquePosition = new CliqueArranger(graph, cliques).arrange();
        if (cliquePosition == null) {
            return Optional.empty();
        }
        int[] left = new int[n];
        int[] right = new int[n];
        Arrays.fill(left, Integer.MAX_VALUE);
        Arrays.fill(right, -1);
        for (int v = 0; v < n; v++) {
            for (int i = cliques.setStart[v]; i < cliques.setStart[v + 1]; i++) {
                int p = cliquePosition[cliques.sets[i]];
                left[v] = Math.min(left[v], p);
                right[v] = Math.max(right[v], p);
            }
        }
        IntervalModel model = new IntervalModel(left, right, cliques.count);
        return represents(graph, model) ? Optional.of(model) : Optional.empty();
    }

    /**
     * Whether the intersection graph of the model is the graph, edge for edge: every edge joins
     * intersecting intervals, and there are no more intersecting pairs than edges. O(n + m + points).
     */
    public static boolean represents(CommGraph graph, IntervalModel model) {
        int n = graph.vertexCount();
        if (model.vertexCount() != n) {
            return false;
        }
        int points = 0;
        for (int v = 0; v < n; v++) {
            if (model.left(v) < 0 || model.left(v) > model.right(v)) {
                return false;
            }
            points = Math.max(points, model.right(v) + 1);
        }
        for (int u = 0; u < n; u++) {
            for (int a = graph.firstArc(u); a < graph.endArc(u); a++) {
                if (!model.intersects(u, graph.target(a))) {
                    return false;
                }
            }
        }
        // startedBy[p] = #{u : left(u) ≤ p}; endedBefore[p] = #{u : right(u) < p}. The intervals
        // meeting v are those starting by right(v) less those ending before left(v), less v itself.
        long[] startedBy = new long[points + 1];
        long[] endedBefore = new long[points + 1];
        for (int v = 0; v < n; v++) {
            startedBy[model.left(v)]++;
            endedBefore[model.right(v) + 1]++;
        }
        for (int p = 1; p <= points; p++) {
            startedBy[p] += startedBy[p - 1];
            endedBefore[p] += endedBefore[p - 1];
        }
        long twiceIntersecting = 0;
        for (int v = 0; v < n; v++) {
            twiceIntersecting += startedBy[model.right(v)] - endedBefore[model.left(v)] - 1;
        }
        return twiceIntersecting == 2L * graph.edgeCount();
    }

    /**
     * A lexicographic breadth-first order by partition refinement: the unvisited vertices sit in
     * an array cut into cells of equal label, the cell of the latest visited vertex's neighbours is
     * split off in front of the rest. O(n + m).
     */
    static int[] lexBfs(CommGraph graph) {
        int n = graph.vertexCount();
        int[] seq = new int[n];
        int[] where = new int[n];
        for (int v = 0; v < n; v++) {
            seq[v] = v;
            where[v] = v;
        }
        // At most n non-empty cells plus one fresh cell per cell split in a round: 2n + 1 ids.
        int capacity = 2 * n + 1;
        int[] cellStart = new int[capacity];
        int[] cellEnd = new int[capacity];
        int[] splitRound = new int[capacity];
        int[] splitInto = new int[capacity];
        int[] freeCells = new int[capacity];
        int freeCount = 0;
        for (int c = capacity - 1; c >= 1; c--) {
            freeCells[freeCount++] = c;
        }
        Arrays.fill(splitRound, -1);
        int[] cellOf = new int[n];
        cellEnd[0] = n;
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            int v = seq[i];
            int home = cellOf[v];
            cellStart[home]++;
            if (cellStart[home] == cellEnd[home]) {
                freeCells[freeCount++] = home;
            }
            int touchedCount = 0;
            for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                int w = graph.target(a);
                if (where[w] <= i) {
                    continue;
                }
                int c = cellOf[w];
                if (splitRound[c] != i) {
                    splitRound[c] = i;
                    int fresh = freeCells[--freeCount];
                    cellStart[fresh] = cellStart[c];
                    cellEnd[fresh] = cellStart[c];
                    splitRound[fresh] = i;
                    splitInto[c] = fresh;
                    touched[touchedCount++] = c;
                }
                int fresh = splitInto[c];
                int j = cellStart[c];
                int u = seq[j];
                int wj = where[w];
                seq[j] = w;
                where[w] = j;
                seq[wj] = u;
                where[u] = wj;
                cellStart[c]++;
                cellEnd[fresh]++;
                cellOf[w] = fresh;
            }
            for (int t = 0; t < touchedCount; t++) {
                int c = touched[t];
                if (cellStart[c] == cellEnd[c]) {
                    freeCells[freeCount++] = c;
                }
            }
        }
        return seq;
    }

    /**
     * The test of Rose, Tarjan and Lueker: the reverse of {@code order} is a perfect elimination
     * order iff for every v, the earlier neighbours of v other than its latest earlier neighbour
     * p(v) are neighbours of p(v). Fills in p(v) (−1 if none) and the number of earlier neighbours.
     */
    private static boolean isPerfectElimination(CommGraph graph, int[] order, int[] position, int[] parent,
                                                int[] earlierCount) {
        int n = graph.vertexCount();
        int[] pairCount = new int[n + 1];
        for (int v = 0; v < n; v++) {
            int p = -1;
            int count = 0;
            for (int a = graph.firstArc(v); a < graph.endArc(v); a++) {
                int w = graph.target(a);
                if (position[w] < position[v]) {
                    count++;
                    if (p < 0 || position[w] > position[p]) {
                        p = w;
                    }
                }
            }
            parent[v] = p;
            earlierCount[v] = count;
            if (p >= 0) {
                pairCount[p + 1] += count - 1;
            }
        }
        for (int v = 0; v < n; v++) {
            pairCount[v + 1] += pairCount[v];
        }
        int[] required = new int[pairCount[n]];
        int[] cursor = Arrays.copyOf(pairCount, n);
        for (int v = 0; v < n; v++) {
            int p = parent[v];
            if (p < 0) {
                continue;
            }
            for (int a = graph.firstArc(v); a < graph.endArc(v); a++) {
                int w = graph.target(a);
                if (w != p && position[w] < position[v]) {
                    required[cursor[p]++] = w;
                }
            }
        }
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        for (int p = 0; p < n; p++) {
            if (pairCount[p] == pairCount[p + 1]) {
                continue;
            }
            for (int a = graph.firstArc(p); a < graph.endArc(p); a++) {
                mark[graph.target(a)] = p;
            }
            for (int i = pairCount[p]; i < pairCount[p + 1]; i++) {
                if (mark[required[i]] != p) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The maximal cliques of a chordal graph and, per vertex, the cliques that hold it. */
    private static final class Cliques {
        final int count;
        /** The cliques holding v are sets[setStart[v] .. setStart[v + 1]). */
        final int[] setStart;
        final int[] sets;

        Cliques(int count, int[] setStart, int[] sets) {
            this.count = count;
            this.setStart = setStart;
            this.sets = sets;
        }

        int size(int v) {
            return setStart[v + 1] - setStart[v];
        }
    }

    private static Cliques maximalCliques(CommGraph graph, int[] order, int[] position, int[] parent,
                                          int[] earlierCount) {
        int n = graph.vertexCount();
        boolean[] dominated = new boolean[n];
        for (int w = 0; w < n; w++) {
            int p = parent[w];
            if (p >= 0 && earlierCount[w] == earlierCount[p] + 1) {
                dominated[p] = true;
            }
        }
        int[] cliqueOf = new int[n];
        int count = 0;
        int[] setStart = new int[n + 1];
        for (int v : order) {
            if (dominated[v]) {
                cliqueOf[v] = -1;
                continue;
            }
            cliqueOf[v] = count++;
            setStart[v + 1]++;
            for (int a = graph.firstArc(v); a < graph.endArc(v); a++) {
                int w = graph.target(a);
                if (position[w] < position[v]) {
                    setStart[w + 1]++;
                }
            }
        }
        for (int v = 0; v < n; v++) {
            setStart[v + 1] += setStart[v];
        }
        int[] sets = new int[setStart[n]];
        int[] cursor = Arrays.copyOf(setStart, n);
        for (int v : order) {
            int c = cliqueOf[v];
            if (c < 0) {
                continue;
            }
            sets[cursor[v]++] = c;
            for (int a = graph.firstArc(v); a < graph.endArc(v); a++) {
                int w = graph.target(a);
                if (position[w] < position[v]) {
                    sets[cursor[w]++] = c;
                }
            }
        }
        return new Cliques(count, setStart, sets);
    }

    /**
     * Puts the maximal cliques in a row in which every vertex's cliques are consecutive, by the
     * overlap decomposition described in the class comment; returns each clique's position, or null
     * when no such row exists.
     */
    private static final class CliqueArranger {
        private final CommGraph graph;
        private final Cliques cliques;
        private final int k;

        // The ordered partition of the cliques covered by the sets placed so far in one component.
        private final int[] classOf;
        private final int[] classSize;
        private final int[] classPrev;
        private final int[] classNext;
        private final int[] classHits;
        private final int[] classSeen;
        private int classCount;
        private int head;
        private int tail;
        private int setStamp;

        // Atoms of all components, in order, each a run of atomElements; atom 0 is the root.
        private final IntList atomElements = new IntList();
        private final IntList atomStart = new IntList();
        // Per overlap component: its atoms, first .. first + count − 1, and the size of its union.
        private final IntList componentAtomFirst = new IntList();
        private final IntList componentAtomCount = new IntList();
        private final IntList componentUnion = new IntList();

        CliqueArranger(CommGraph graph, Cliques cliques) {
            this.graph = graph;
            this.cliques = cliques;
            this.k = cliques.count;
            classOf = new int[k];
            Arrays.fill(classOf, -1);
            classSize = new int[k];
            classPrev = new int[k];
            classNext = new int[k];
            classHits = new int[k];
            classSeen = new int[k];
            Arrays.fill(classSeen, -1);
        }

        int[] arrange() {
            int n = graph.vertexCount();
            boolean[] skip = new boolean[n];
            IntList overlaps = overlapEdges(skip);
            // The overlap graph in CSR form, over the sets that are kept.
            int[] start = new int[n + 1];
            for (int i = 0; i < overlaps.size(); i += 2) {
                int a = overlaps.get(i);
                int b = overlaps.get(i + 1);
                if (!skip[a] && !skip[b]) {
                    start[a + 1]++;
                    start[b + 1]++;
                }
            }
            for (int v = 0; v < n; v++) {
                start[v + 1] += start[v];
            }
            int[] adjacent = new int[start[n]];
            int[] cursor = Arrays.copyOf(start, n);
            for (int i = 0; i < overlaps.size(); i += 2) {
                int a = overlaps.get(i);
                int b = overlaps.get(i + 1);
                if (!skip[a] && !skip[b]) {
                    adjacent[cursor[a]++] = b;
                    adjacent[cursor[b]++] = a;
                }
            }
            atomStart.add(0); // the root atom 0, whose cliques are never listed: an empty run
            atomStart.add(0);
            boolean[] placed = new boolean[n];
            int[] queue = new int[n];
            for (int s = 0; s < n; s++) {
                if (skip[s] || placed[s]) {
                    continue;
                }
                int queueHead = 0;
                int queueTail = 0;
                queue[queueTail++] = s;
                placed[s] = true;
                while (queueHead < queueTail) {
                    int v = queue[queueHead++];
                    for (int i = start[v]; i < start[v + 1]; i++) {
                        int w = adjacent[i];
                        if (!placed[w]) {
                            placed[w] = true;
                            queue[queueTail++] = w;
                        }
                    }
                }
                if (!arrangeComponent(queue, queueTail)) {
                    return null;
                }
            }
            return layOut();
        }

        /**
         * The pairs of sets that overlap, as a flat list; marks in {@code skip} the sets that need no
         * placing: those of one clique (always consecutive) and all but the first of equal sets.
         */
        private IntList overlapEdges(boolean[] skip) {
            int n = graph.vertexCount();
            int[] mark = new int[k];
            Arrays.fill(mark, -1);
            IntList overlaps = new IntList();
            for (int v = 0; v < n; v++) {
                skip[v] = cliques.size(v) < 2;
            }
            for (int b = 0; b < n; b++) {
                if (skip[b]) {
                    continue;
                }
                int sizeB = cliques.size(b);
                for (int i = cliques.setStart[b]; i < cliques.setStart[b + 1]; i++) {
                    mark[cliques.sets[i]] = b;
                }
                for (int arc = graph.firstArc(b); arc < graph.endArc(b); arc++) {
                    int a = graph.target(arc);
                    int sizeA = cliques.size(a);
                    if (sizeA < 2 || sizeA > sizeB || (sizeA == sizeB && a > b)) {
                        continue;
                    }
                    boolean inside = true;
                    for (int i = cliques.setStart[a]; i < cliques.setStart[a + 1] && inside; i++) {
                        inside = mark[cliques.sets[i]] == b;
                    }
                    if (!inside) {
                        // S(a) ⊄ S(b), and S(b) ⊄ S(a) as S(b) is no smaller and differs: they overlap.
                        overlaps.add(a);
                        overlaps.add(b);
                    } else if (sizeA == sizeB) {
                        skip[b] = true; // S(a) = S(b), a < b
                    }
                }
            }
            return overlaps;
        }

        /**
         * Places the sets of one overlap component in the given order (each overlaps an earlier
         * one) and records the component's atoms left to right. False if they cannot be placed.
         */
        private boolean arrangeComponent(int[] vertices, int count) {
            classCount = 0;
            IntList covered = new IntList();
            int first = vertices[0];
            int initial = newClass();
            head = initial;
            tail = initial;
            for (int i = cliques.setStart[first]; i < cliques.setStart[first + 1]; i++) {
                int c = cliques.sets[i];
                classOf[c] = initial;
                classSize[initial]++;
                covered.add(c);
            }
            for (int i = 1; i < count; i++) {
                if (!place(vertices[i], covered)) {
                    resetClasses(covered);
                    return false;
                }
            }
            int atomFirst = atomStart.size() - 1;
            int[] rank = new int[classCount];
            int atoms = 0;
            for (int c = head; c >= 0; c = classNext[c]) {
                rank[c] = atoms++;
            }
            int[] offset = new int[atoms + 1];
            for (int i = 0; i < covered.size(); i++) {
                offset[rank[classOf[covered.get(i)]] + 1]++;
            }
            for (int a = 0; a < atoms; a++) {
                offset[a + 1] += offset[a];
            }
            int base = atomElements.size();
            int[] fill = new int[covered.size()];
            int[] cursor = Arrays.copyOf(offset, atoms);
            for (int i = 0; i < covered.size(); i++) {
                int c = covered.get(i);
                fill[cursor[rank[classOf[c]]]++] = c;
            }
            for (int c : fill) {
                atomElements.add(c);
            }
            for (int a = 1; a <= atoms; a++) {
                atomStart.add(base + offset[a]);
            }
            componentAtomFirst.add(atomFirst);
            componentAtomCount.add(atoms);
            componentUnion.add(covered.size());
            resetClasses(covered);
            return true;
        }

        /** Adds the set of vertex v to the arrangement, or returns false if it cannot fit. */
        private boolean place(int v, IntList covered) {
            int stamp = ++setStamp;
            int from = cliques.setStart[v];
            int to = cliques.setStart[v + 1];
            int touched = 0;
            int anyTouched = -1;
            int fresh = 0;
            for (int i = from; i < to; i++) {
                int cls = classOf[cliques.sets[i]];
                if (cls < 0) {
                    fresh++;
                    continue;
                }
                if (classSeen[cls] != stamp) {
                    classSeen[cls] = stamp;
                    classHits[cls] = 0;
                    touched++;
                    anyTouched = cls;
                }
                classHits[cls]++;
            }
            if (touched == 0) {
                return false; // cannot happen: the set overlaps a placed one
            }
            // The touched classes must form a run whose inner classes lie wholly in the set.
            int a = anyTouched;
            while (classPrev[a] >= 0 && classSeen[classPrev[a]] == stamp) {
                a = classPrev[a];
            }
            int b = a;
            int run = 1;
            while (classNext[b] >= 0 && classSeen[classNext[b]] == stamp) {
                b = classNext[b];
                run++;
            }
            if (run != touched) {
                return false;
            }
            for (int c = a; c != b; ) {
                c = classNext[c];
                if (c != b && classHits[c] != classSize[c]) {
                    return false;
                }
            }
            boolean fullA = classHits[a] == classSize[a];
            boolean fullB = classHits[b] == classSize[b];
            if (fresh == 0) {
                if (touched == 1) {
                    return false; // cannot happen: a set inside one class overlaps no placed set
                }
                if (!fullA) {
                    split(a, v, true);
                }
                if (!fullB) {
                    split(b, v, false);
                }
                return true;
            }
            boolean toRight = b == tail && (touched == 1 || fullB);
            boolean toLeft = a == head && (touched == 1 || fullA);
            if (toRight) {
                if (!fullA) {
                    split(a, v, true);
                }
                int added = newClass();
                classPrev[added] = tail;
                classNext[tail] = added;
                tail = added;
                addFresh(v, added, covered);
                return true;
            }
            if (toLeft) {
                if (!fullB) {
                    split(b, v, false);
                }
                int added = newClass();
                classNext[added] = head;
                classPrev[head] = added;
                head = added;
                addFresh(v, added, covered);
                return true;
            }
            return false;
        }

        /** Moves the cliques of class c that v holds into a new class right (or left) of c. */
        private void split(int c, int v, boolean inRight) {
            int part = newClass();
            if (inRight) {
                int after = classNext[c];
                classPrev[part] = c;
                classNext[part] = after;
                classNext[c] = part;
                if (after >= 0) {
                    classPrev[after] = part;
                } else {
                    tail = part;
                }
            } else {
                int before = classPrev[c];
                classNext[part] = c;
                classPrev[part] = before;
                classPrev[c] = part;
                if (before >= 0) {
                    classNext[before] = part;
                } else {
                    head = part;
                }
            }
            for (int i = cliques.setStart[v]; i < cliques.setStart[v + 1]; i++) {
                int clique = cliques.sets[i];
                if (classOf[clique] == c) {
                    classOf[clique] = part;
                    classSize[c]--;
                    classSize[part]++;
                }
            }
        }

        private void addFresh(int v, int cls, IntList covered) {
            for (int i = cliques.setStart[v]; i < cliques.setStart[v + 1]; i++) {
                int clique = cliques.sets[i];
                if (classOf[clique] < 0) {
                    classOf[clique] = cls;
                    classSize[cls]++;
                    covered.add(clique);
                }
            }
        }

        private int newClass() {
            int c = classCount++;
            classSize[c] = 0;
            classPrev[c] = -1;
            classNext[c] = -1;
            return c;
        }

        private void resetClasses(IntList covered) {
            for (int i = 0; i < covered.size(); i++) {
                classOf[covered.get(i)] = -1;
            }
        }

        /**
         * Hangs every component inside the deepest atom already holding its cliques (components by
         * decreasing union; a one-set component before a larger one of the same union, which lies
         * inside it), then reads the tree: an atom's own cliques, then its components' atoms in order.
         */
        private int[] layOut() {
            int components = componentUnion.size();
            long[] byUnion = new long[components];
            for (int x = 0; x < components; x++) {
                long single = componentAtomCount.get(x) == 1 ? 0 : 1;
                byUnion[x] = ((long) (k - componentUnion.get(x)) << 33) | (single << 32) | x;
            }
            Arrays.sort(byUnion);
            int atoms = atomStart.size() - 1;
            int[] atomOf = new int[k]; // all in the root atom 0
            int[] parentAtom = new int[components];
            for (long key : byUnion) {
                int x = (int) key;
                int firstAtom = componentAtomFirst.get(x);
                parentAtom[x] = atomOf[atomElements.get(atomStart.get(firstAtom))];
                for (int a = firstAtom; a < firstAtom + componentAtomCount.get(x); a++) {
                    for (int i = atomStart.get(a); i < atomStart.get(a + 1); i++) {
                        atomOf[atomElements.get(i)] = a;
                    }
                }
            }
            int[] childStart = new int[atoms + 1];
            for (int x = 0; x < components; x++) {
                childStart[parentAtom[x] + 1]++;
            }
            int[] ownStart = new int[atoms + 1];
            for (int c = 0; c < k; c++) {
                ownStart[atomOf[c] + 1]++;
            }
            for (int a = 0; a < atoms; a++) {
                childStart[a + 1] += childStart[a];
                ownStart[a + 1] += ownStart[a];
            }
            int[] children = new int[components];
            int[] cursor = Arrays.copyOf(childStart, atoms);
            for (int x = 0; x < components; x++) {
                children[cursor[parentAtom[x]]++] = x;
            }
            int[] own = new int[k];
            cursor = Arrays.copyOf(ownStart, atoms);
            for (int c = 0; c < k; c++) {
                own[cursor[atomOf[c]]++] = c;
            }
            int[] position = new int[k];
            int next = 0;
            IntList stack = new IntList();
            stack.add(ATOM);
            while (stack.size() > 0) {
                int item = stack.pop();
                int id = item >>> 2;
                switch (item & 3) {
                    case ELEMENT -> position[id] = next++;
                    case ATOM -> {
                        for (int i = childStart[id + 1] - 1; i >= childStart[id]; i--) {
                            stack.add(children[i] << 2 | COMPONENT);
                        }
                        for (int i = ownStart[id + 1] - 1; i >= ownStart[id]; i--) {
                            stack.add(own[i] << 2 | ELEMENT);
                        }
                    }
                    default -> {
                        int firstAtom = componentAtomFirst.get(id);
                        for (int a = firstAtom + componentAtomCount.get(id) - 1; a >= firstAtom; a--) {
                            stack.add(a << 2 | ATOM);
                        }
                    }
                }
            }
            return next == k ? position : null;
        }
    }

    /** A growable list of ints. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int pop() {
            return values[--size];
        }

        int size() {
            return size;
        }
    }
}
