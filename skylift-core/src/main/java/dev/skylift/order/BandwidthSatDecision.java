package dev.skylift.order;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import dev.skylift.graph.CommGraph;
import java.util.function.BooleanSupplier;

/**
 * Decides "has this connected graph an order of bandwidth at most k?" with a constraint solver
 * (Google OR-Tools' CP-SAT, which learns clauses from its conflicts) on an order encoding of the
 * positions; the second engine beside the depth-first {@link BandwidthDecision}, which it beats where
 * the ends of the order are far apart and fixing them constrains little (bcsstk22 at k = 9, lns__131
 * at k = 19: minutes of search for the DFS, seconds here). A "no" is a proof only when the solver
 * says INFEASIBLE — it has then refuted the model, every constraint of which holds in any order of
 * bandwidth k (up to the symmetries below) — and a "yes" is checked on the graph before it is
 * believed.
 *
 * <h2>Model</h2>
 * A Boolean x[v][p] ⇔ f(v) ≤ p for every vertex v and position p < n − 1 (the "ladder" or order
 * encoding of Crawford and Baker, also Tamura, Taga, Kitagawa and Banbara, "Compiling finite linear
 * CSP into SAT", Constraints 14, 2009), with x[v][p] → x[v][p + 1]. Then:
 * <ul>
 *   <li>a permutation: exactly p + 1 vertices have f ≤ p, for each p (a cardinality constraint per
 *       position, which the solver also reasons on as a linear one);</li>
 *   <li>bandwidth: x[u][p] → x[v][p + k] for every edge, both ways. The distance implications
 *       x[u][p] → x[v][p + k·d(u, v)] (the pruning of Del Corso and Manzini, "Finding exact solutions
 *       to the bandwidth minimization problem", Computing 62, 1999) follow from these by unit
 *       propagation along a shortest path, and stating them as clauses only slowed the solver
 *       (lns__131 at k = 19: 20 s with them, 8.5 s without; bcsstk04 at 36: 5.5 s and 3.9 s);</li>
 *   <li>static windows: the density argument of {@link BandwidthDecision#staticReleases} as unit
 *       literals;</li>
 *   <li>symmetry: twins (vertices with the same neighbours apart from each other) are
 *       interchangeable, so each twin class is numbered in increasing order, as the DFS places
 *       them; reversing an order keeps its bandwidth, so one vertex a outside every twin class,
 *       at one end of a longest shortest path between such vertices, is kept in the first half,
 *       f(a) ≤ ⌊(n − 1)/2⌋ (reversing and then re-sorting the twin classes maps any order onto one
 *       that respects both). Ordering a and the other end of that path, f(a) &lt; f(b), would do
 *       too, and was the rule until the half measured faster with the conflict analysis below
 *       (impcol_c at 29: 24 s against 40; gre__115 at 21: 32 s against 46).</li>
 * </ul>
 *
 * <p>Conflicts are analysed by pseudo-Boolean resolution (CP-SAT's {@code use_pb_resolution}) as
 * well as by clause learning. A refutation here is a counting argument — too many vertices
 * forced into too few positions — and clauses alone learn such arguments one assignment at a time
 * (resolution needs exponentially long proofs of the pigeonhole principle), where cutting planes
 * over the per-position cardinality constraints learn them whole. Time to INFEASIBLE, one worker,
 * before (clauses, f(a) &lt; f(b)) and now: impcol_c at 29 89 s and 24 s, mcca at 34 14 s and
 * 6 s, mcca at 35 open after 120 s and 9 s, mcca at 36 19 s now, gre__115 at 21 113 s and 32 s
 * (see docs/BENCHMARKS.md).
 *
 * <p>The solver runs without its presolve. On this model presolve probes the order literals for
 * seconds (9 s of a 13 s refutation of mcca at k = 32) and shrinks it little, and without it every
 * refutation measured was two to four times faster, one worker, wall clock: bcsstk04 at 36 2.5 s
 * against 6.9, bcsstk22 at 9 3.8 against 12.8, lns__131 at 19 6.2 against 14.2, lund_a at 22 3.2
 * against 7.4, west0167 at 33 10.6 against 24.9, can__144 at 12 3.4 against 7.0, impcol_c at 28 12
 * against 55 (see docs/BENCHMARKS.md).
 *
 * <p>The native library is loaded on first use; where it cannot be (a platform without the bundled
 * binary), {@link #available()} says so and callers keep to the DFS alone.
 */
final class BandwidthSatDecision {

    /**
     * Largest graph decided: the model has n² Booleans and about 2mn clauses, which past a few
     * hundred vertices take longer to build than the DFS has to show for the same time.
     */
    static final int MAX_VERTICES = 400;

    private static volatile Boolean loaded;

    private BandwidthSatDecision() {
    }

    /** Whether the solver's native library loads on this machine (tried once). */
    static boolean available() {
        Boolean state = loaded;
        if (state == null) {
            synchronized (BandwidthSatDecision.class) {
                state = loaded;
                if (state == null) {
                    try {
                        Loader.loadNativeLibraries();
                        state = true;
                    } catch (Throwable e) { // UnsatisfiedLinkError or an I/O failure unpacking it
                        state = false;
                    }
                    loaded = state;
                }
            }
        }
        return state;
    }

    /**
     * Decides k for the connected graph of {@code problem} until the deadline or until
     * {@code cancelled} says stop (polled every few milliseconds), with the solver's search on
     * {@code workers} threads. NO only on the solver's INFEASIBLE; YES only with an order checked to
     * have bandwidth at most k.
     */
    static BandwidthDecision.Result decide(BandwidthDecision.Problem problem, int k, long nanoDeadline,
                                           BooleanSupplier cancelled, int workers) {
        return decide(problem, k, nanoDeadline, cancelled, workers, false);
    }

    /**
     * The same, on the model whose reversal symmetry is broken at the other end of the path (see
     * {@link #ladder}) when {@code otherEnd}: an equally valid model on which the solver's search
     * goes another way, for a second thread asking the same question.
     */
    static BandwidthDecision.Result decide(BandwidthDecision.Problem problem, int k, long nanoDeadline,
                                           BooleanSupplier cancelled, int workers, boolean otherEnd) {
        CommGraph graph = problem.graph;
        int n = graph.vertexCount();
        if (n <= 1 || n - 1 <= k) {
            return new BandwidthDecision.Result(BandwidthDecision.Answer.YES, ExactBandwidth.identity(n), 0);
        }
        if (graph.maxDegree() > 2 * k) {
            return new BandwidthDecision.Result(BandwidthDecision.Answer.NO, null, 0);
        }
        int[] release = BandwidthDecision.staticReleases(problem.distance, problem.eccentricity, n, k);
        if (release == null) {
            return new BandwidthDecision.Result(BandwidthDecision.Answer.NO, null, 0);
        }
        if (!available() || n > MAX_VERTICES) {
            return new BandwidthDecision.Result(BandwidthDecision.Answer.UNKNOWN, null, 0);
        }
        double seconds = (nanoDeadline - System.nanoTime()) / 1e9;
        if (seconds <= 0 || cancelled.getAsBoolean()) {
            return new BandwidthDecision.Result(BandwidthDecision.Answer.UNKNOWN, null, 0);
        }
        CpModel model = new CpModel();
        Literal[][] x = ladder(model, problem, k, release, otherEnd);
        seconds = (nanoDeadline - System.nanoTime()) / 1e9;
        if (seconds <= 0 || cancelled.getAsBoolean()) {
            return new BandwidthDecision.Result(BandwidthDecision.Answer.UNKNOWN, null, 0);
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds);
        solver.getParameters().setNumWorkers(Math.max(1, workers));
        // No presolve (see the class comment): it spends seconds probing a model it barely shrinks.
        solver.getParameters().setCpModelPresolve(false);
        // Cutting planes on the cardinality constraints (see the class comment).
        solver.getParameters().setUsePbResolution(true);
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (cancelled.getAsBoolean() || System.nanoTime() - nanoDeadline > 0) {
                    solver.stopSearch();
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bandwidth-sat-watcher");
        watcher.setDaemon(true);
        watcher.start();
        CpSolverStatus status;
        try {
            status = solver.solve(model);
        } finally {
            watcher.interrupt();
        }
        long conflicts = solver.numConflicts();
        if (status == CpSolverStatus.INFEASIBLE) {
            return new BandwidthDecision.Result(BandwidthDecision.Answer.NO, null, conflicts);
        }
        if (status == CpSolverStatus.FEASIBLE || status == CpSolverStatus.OPTIMAL) {
            int[] order = new int[n];
            java.util.Arrays.fill(order, -1);
            for (int v = 0; v < n; v++) {
                int p = 0;
                while (p < n - 1 && !solver.booleanValue(x[v][p])) {
                    p++;
                }
                if (order[p] >= 0) {
                    return new BandwidthDecision.Result(BandwidthDecision.Answer.UNKNOWN, null, conflicts);
                }
                order[p] = v;
            }
            if (Bandwidth.of(graph, Bandwidth.positions(order, n)) <= k) {
                return new BandwidthDecision.Result(BandwidthDecision.Answer.YES, order, conflicts);
            }
        }
        return new BandwidthDecision.Result(BandwidthDecision.Answer.UNKNOWN, null, conflicts);
    }

    /**
     * The order-encoded model of "bandwidth ≤ k" described above; x[v][n − 1] is the constant true.
     * The vertex kept in the first half is one end of the longest path, or with {@code otherEnd}
     * the other.
     */
    static Literal[][] ladder(CpModel model, BandwidthDecision.Problem problem, int k, int[] release,
                              boolean otherEnd) {
        CommGraph graph = problem.graph;
        int n = graph.vertexCount();
        short[] distance = problem.distance;
        BoolVar always = model.newBoolVar("true");
        model.addEquality(always, 1);
        Literal[][] x = new Literal[n][n];
        for (int v = 0; v < n; v++) {
            for (int p = 0; p < n - 1; p++) {
                x[v][p] = model.newBoolVar("x" + v + "_" + p);
            }
            x[v][n - 1] = always;
            for (int p = 0; p + 1 < n - 1; p++) {
                model.addImplication(x[v][p], x[v][p + 1]);
            }
            // f(v) in [release, n − 1 − release]
            for (int p = 0; p < release[v]; p++) {
                model.addEquality(x[v][p], 0);
            }
            for (int p = n - 1 - release[v]; p < n - 1; p++) {
                model.addEquality(x[v][p], 1);
            }
        }
        for (int u = 0; u < n; u++) {
            for (int arc = graph.firstArc(u); arc < graph.endArc(u); arc++) {
                int v = graph.target(arc);
                for (int p = 0; p + k < n - 1; p++) {
                    model.addImplication(x[u][p], x[v][p + k]);
                }
            }
        }
        for (int p = 0; p < n - 1; p++) {
            LinearExprBuilder atMostP = LinearExpr.newBuilder();
            for (int v = 0; v < n; v++) {
                atMostP.add(x[v][p]);
            }
            model.addEquality(atMostP, p + 1);
        }
        int[] twinPredecessor = problem.twinPredecessor;
        boolean[] inClass = new boolean[n];
        for (int v = 0; v < n; v++) {
            if (twinPredecessor[v] >= 0) {
                inClass[v] = true;
                inClass[twinPredecessor[v]] = true;
                before(model, x, twinPredecessor[v], v);
            }
        }
        // One end of a longest shortest path between vertices outside every twin class.
        int first = -1;
        int last = -1;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n && !inClass[a]; b++) {
                if (!inClass[b] && (first < 0 || distance[a * n + b] > distance[first * n + last])) {
                    first = a;
                    last = b;
                }
            }
        }
        if (first >= 0) {
            int half = otherEnd ? last : first;
            model.addEquality(x[half][(n - 1) / 2], 1); // f(half) ≤ ⌊(n − 1)/2⌋
        }
        return x;
    }

    /** f(a) &lt; f(b): x[b][p] → x[a][p − 1], and b not first. */
    private static void before(CpModel model, Literal[][] x, int a, int b) {
        int n = x.length;
        model.addEquality(x[b][0], 0);
        for (int p = 1; p < n; p++) {
            model.addImplication(x[b][p], x[a][p - 1]);
        }
    }
}
