package dev.skylift.order;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.ConnectedComponents;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Minimum bandwidth with a proof. A heuristic ({@link BandwidthSearch} from reverse Cuthill–McKee)
 * and exhaustive decisions ({@link BandwidthDecision}) run side by side, sharing the best order;
 * the decisions split their search over two threads when the whole time is the proof's (one
 * thread with a smaller proof share, which wants the best order first). The decisions first climb
 * from the lower bound — just above it the answer is usually a quick "no", and each "no" raises the
 * bound — with a tenth of the remaining proof time per step, a step that runs out of it passing on
 * to the next k once (a "no" there covers every k below); then they ask about one below the best
 * bandwidth known: a "yes" lowers the best order, a "no" raises the lower bound to meet it and
 * makes the best order optimal; when the search beats k first, the decision moves on. On a
 * component of {@value #RACE_MIN_VERTICES} to {@value BandwidthSatDecision#MAX_VERTICES} vertices,
 * with two seconds or more to go, a decision races two exhaustive engines, one thread each: the
 * depth-first {@link BandwidthDecision} and the CP-SAT model of {@link BandwidthSatDecision}; the
 * first definite answer stops the other (the DFS is quick where fixing the two ends of the order
 * pins most vertices, CP-SAT's learnt clauses where it does not: bcsstk04, bcsstk05, bcsstk22,
 * lns__131 and lund_a were proved by it alone). Racing, the climb ends after a third of the proof
 * time, leaving the question below the best order the rest in one piece. Where the solver's native
 * library does not load, or when the decisions get one thread ({@code auto}'s proof share), the DFS
 * decides alone, on its two workers or one. Components are decided one by one: the graph's
 * bandwidth is the largest of theirs, so one component without an order of bandwidth k proves the
 * bound for the whole.
 *
 * <p>On time-out the best order and the best bound found are returned, and the ordering is optimal
 * only if they meet. Exponential in the worst case; the decision holds a distance matrix, so
 * components above {@value #MAX_DECIDED_VERTICES} vertices are left to the heuristic.
 */
public final class ExactBandwidth implements Orderer {

    /** The largest component the exhaustive decision takes on. */
    public static final int MAX_DECIDED_VERTICES = 2000;

    /** Threads a decision splits its search over. */
    static final int DECISION_WORKERS = 2;

    /**
     * Smallest component a decision races CP-SAT on; below it the DFS answers in milliseconds and
     * the solver's model, thread and native call would only add to them.
     */
    static final int RACE_MIN_VERTICES = 30;

    /** Least time left for a decision to race CP-SAT: building its model takes a good part of a second. */
    static final long RACE_MIN_NANOS = 2_000_000_000L;

    /**
     * When the whole time is the proof's, the search beside it stops once the best order has not
     * improved for this share of the time limit (at least {@value #MIN_SEARCH_PATIENCE_NANOS} ns).
     * Racing, the decisions run two threads of their own; with the search's a third on two cores,
     * each decision would get two thirds of a core while the search, stalled, adds nothing. The
     * decisions' "yes" answers still lower the best order after it stops.
     */
    static final double SEARCH_PATIENCE = 0.1;

    static final long MIN_SEARCH_PATIENCE_NANOS = 1_000_000_000L;

    private final double proofShare;

    /** Proof and search side by side for the whole time limit. */
    public ExactBandwidth() {
        this(1.0);
    }

    /**
     * Proof for at most {@code proofShare} of the time limit; after that, if the question is still
     * open, the proof's core joins the search. For callers that want the best order more than a
     * proof ({@code auto}).
     */
    public ExactBandwidth(double proofShare) {
        if (!(proofShare > 0 && proofShare <= 1)) {
            throw new IllegalArgumentException("the proof share " + proofShare + " is not in (0, 1]");
        }
        this.proofShare = proofShare;
    }

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public Ordering order(CommGraph graph, OrderingOptions options) {
        long started = System.nanoTime();
        long deadline = started + options.timeLimit().toNanos();
        LowerBound bound = BandwidthLowerBounds.of(graph);
        int n = graph.vertexCount();
        int[] rcm = CuthillMcKee.reverse().permutation(graph);
        Incumbent incumbent = new Incumbent(rcm, Bandwidth.of(graph, Bandwidth.positions(rcm, n)));
        if (incumbent.bandwidth() > bound.value()) {
            long proofDeadline = started + (long) (options.timeLimit().toNanos() * proofShare);
            bound = prove(graph, bound, incumbent, options, proofDeadline, deadline);
        }
        return Ordering.certify(graph, incumbent.order(), name(), bound, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Runs the search on one core and the decisions on the other, sharing the best order: each
     * decision asks about one below the incumbent's band and is dropped as soon as the search gets
     * there first. When the whole time is the proof's, the search retires once it has stalled (see
     * {@link #SEARCH_PATIENCE}). Returns the bound, raised when a decision proves it.
     */
    private static LowerBound prove(CommGraph graph, LowerBound bound, Incumbent incumbent, OrderingOptions options,
                                    long proofDeadline, long deadline) {
        int n = graph.vertexCount();
        AtomicBoolean stop = new AtomicBoolean();
        int target = bound.value();
        int[] start = incumbent.order();
        AtomicBoolean searchStop = new AtomicBoolean();
        Thread search = new Thread(() -> BandwidthSearch.improve(graph, start, target, options, deadline, 1, 0, searchStop,
                incumbent::offer), "exact-bandwidth-search");
        search.setDaemon(true);
        search.start();
        try {
            // When the whole time is the proof's, the decisions split their search over two threads
            // beside the search's (auto, which wants the order first, keeps them to one).
            long proofStart = System.nanoTime();
            boolean proofOnly = proofDeadline - deadline >= 0;
            Decisions decisions = new Decisions(graph, proofOnly ? DECISION_WORKERS : 1);
            if (decisions.largestPart() > MAX_DECIDED_VERTICES) {
                // No proof is possible here: this core searches too.
                searchToo(graph, incumbent, bound, options, deadline, stop);
                return bound;
            }
            if (proofOnly) {
                long patience = Math.max(MIN_SEARCH_PATIENCE_NANOS, (long) (options.timeLimit().toNanos() * SEARCH_PATIENCE));
                retireWhenStalled(searchStop, stop, incumbent, patience);
            }
            // Upwards: just above the bound the answer is usually a quick "no", and each one
            // raises the bound. Each step gets a tenth of the proof time left. A step that cannot
            // finish in it does not end the climb at once: the next k is asked, since a "no" there
            // proves the bound for every k below it too, and the hardness of the questions is not
            // monotone in k (on bcsstk04, "no" at 35 takes a second where 34 takes twenty). Two
            // steps out of time in a row, a "yes", or one below the best order (the downward
            // question's) end the climb.
            //
            // With CP-SAT in the race the climb ends after a third of the proof time, so that the
            // question that matters, one below the best order, gets at least two thirds in one
            // piece: the solver starts afresh on every question, so time spent on a question asked
            // twice is lost, and its "no" there covers every k below (with the whole climb,
            // bcsstk04 spent 20 of its 60 s on k = 34 and 35 before asking 36, and lns__131 asked
            // 19 in two pieces and proved it in neither).
            long climbEnd = decisions.racing() ? proofStart + (proofDeadline - proofStart) / 3 : proofDeadline;
            int timedOut = 0;
            for (int k = bound.value(); k < incumbent.bandwidth() - 1 && timedOut < 2; k++) {
                long now = System.nanoTime();
                long left = proofDeadline - now;
                if (left <= 0 || climbEnd - now <= 0) {
                    break;
                }
                long stepEnd = now + left / 10;
                if (stepEnd - climbEnd > 0) {
                    stepEnd = climbEnd;
                }
                BandwidthDecision.Answer answer = decisions.decide(k, stepEnd, () -> false, incumbent);
                if (answer == BandwidthDecision.Answer.NO) {
                    bound = bound.max(decisions.bound(k));
                    timedOut = 0;
                } else if (answer == BandwidthDecision.Answer.YES) {
                    break;
                } else {
                    timedOut++;
                }
            }
            // Downwards: one below the best order, until the search or a decision gets below it,
            // or a "no" proves the best order optimal.
            bound = downwards(decisions, bound, incumbent, proofDeadline);
            if (incumbent.bandwidth() > bound.value() && System.nanoTime() - deadline < 0) {
                // The proof's time is up: this core searches too.
                searchToo(graph, incumbent, bound, options, deadline, stop);
            }
            return bound;
        } finally {
            stop.set(true);
            searchStop.set(true);
            try {
                search.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Searches on this thread too, from the best order until the deadline, as walk 2 of the
     * search's portfolio: a seed of its own and the cool acceptance aim of walk 0, the one that
     * finds the wide bands of small graphs (see {@link BandwidthSearch}), where a warm walk added
     * nothing on fs_183_1 and will199.
     */
    private static void searchToo(CommGraph graph, Incumbent incumbent, LowerBound bound, OrderingOptions options,
                                  long deadline, AtomicBoolean stop) {
        BandwidthSearch.improve(graph, incumbent.order(), bound.value(), options, deadline, 1, 2, stop,
                incumbent::offer);
    }

    /**
     * Sets {@code searchStop} once the incumbent has gone {@code patience} ns without improving, or
     * when {@code done} is set; checked ten times a second on a daemon thread.
     */
    private static void retireWhenStalled(AtomicBoolean searchStop, AtomicBoolean done, Incumbent incumbent,
                                          long patience) {
        Thread watch = new Thread(() -> {
            while (!done.get() && !searchStop.get() && System.nanoTime() - incumbent.improvedAt() - patience < 0) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    break;
                }
            }
            searchStop.set(true);
        }, "exact-bandwidth-patience");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * Asks about one below the best order until {@code until}: a "yes" lowers the best order and
     * the next question is one below that, as is the question after the search gets below k first;
     * a "no" raises the bound to meet the best order; out of time ends it. Returns the bound.
     */
    private static LowerBound downwards(Decisions decisions, LowerBound bound, Incumbent incumbent, long until) {
        while (incumbent.bandwidth() > bound.value() && System.nanoTime() - until < 0) {
            int k = incumbent.bandwidth() - 1;
            BandwidthDecision.Answer answer = decisions.decide(k, until, () -> incumbent.bandwidth() <= k, incumbent);
            if (answer == BandwidthDecision.Answer.NO) {
                return bound.max(decisions.bound(k));
            } else if (answer != BandwidthDecision.Answer.YES && incumbent.bandwidth() > k) {
                break; // out of time
            }
        }
        return bound;
    }

    /** The decision "bandwidth ≤ k?" for a graph, one component at a time. */
    private static final class Decisions {
        private final CommGraph graph;
        private final ConnectedComponents components;
        private final CommGraph[] parts;
        private final BandwidthDecision.Problem[] problems;
        private long nodes;
        /** CP-SAT conflicts over all decisions, and whether the last "no" was CP-SAT's. */
        private long conflicts;
        private boolean bySat;
        private String refuted;
        private final int workers;

        Decisions(CommGraph graph, int workers) {
            this.graph = graph;
            this.workers = workers;
            this.components = ConnectedComponents.of(graph);
            this.parts = components.subgraphs(graph);
            this.problems = new BandwidthDecision.Problem[parts.length];
        }

        /** Whether each decision races CP-SAT beside the DFS (see {@code race}). */
        boolean racing() {
            return workers >= 2 && BandwidthSatDecision.available();
        }

        /** Vertices in the largest component. */
        int largestPart() {
            int max = 0;
            for (CommGraph part : parts) {
                max = Math.max(max, part.vertexCount());
            }
            return max;
        }

        /**
         * YES (and the order offered to the incumbent) when every component has an order of
         * bandwidth k; NO when one has none; UNKNOWN when time ran out or the answer stopped mattering.
         */
        BandwidthDecision.Answer decide(int k, long deadline, java.util.function.BooleanSupplier cancelled,
                                        Incumbent incumbent) {
            int[][] layouts = new int[parts.length][];
            for (int c = 0; c < parts.length; c++) {
                CommGraph part = parts[c];
                if (part.vertexCount() - 1 <= k) {
                    layouts[c] = identity(part.vertexCount());
                    continue;
                }
                if (problems[c] == null) {
                    problems[c] = new BandwidthDecision.Problem(part);
                }
                BandwidthDecision.Result result;
                if (racing() && part.vertexCount() >= RACE_MIN_VERTICES
                        && part.vertexCount() <= BandwidthSatDecision.MAX_VERTICES
                        && deadline - System.nanoTime() >= RACE_MIN_NANOS) {
                    result = race(problems[c], k, deadline, cancelled);
                } else {
                    result = problems[c].decide(k, deadline, cancelled, workers);
                    nodes += result.nodes();
                    bySat = false;
                }
                if (result.answer() != BandwidthDecision.Answer.YES) {
                    if (result.answer() == BandwidthDecision.Answer.NO) {
                        refuted = parts.length == 1 ? "the graph" : "the component of " + part.labels().label(0);
                    }
                    return result.answer();
                }
                layouts[c] = result.order();
            }
            int[] order = components.concatenate(layouts);
            incumbent.offer(Bandwidth.of(graph, Bandwidth.positions(order, order.length)), order);
            return BandwidthDecision.Answer.YES;
        }

        /**
         * The two engines on one component, one thread each: the DFS here, CP-SAT on another
         * thread; the first definite answer stops the other. Each is exhaustive on its own, so
         * either's "no" is the proof.
         */
        private BandwidthDecision.Result race(BandwidthDecision.Problem problem, int k, long deadline,
                                              java.util.function.BooleanSupplier cancelled) {
            AtomicBoolean settled = new AtomicBoolean();
            java.util.function.BooleanSupplier stop = () -> settled.get() || cancelled.getAsBoolean();
            BandwidthDecision.Result[] sat = new BandwidthDecision.Result[1];
            Thread solver = new Thread(() -> {
                BandwidthDecision.Result result;
                try {
                    result = BandwidthSatDecision.decide(problem, k, deadline, stop, 1);
                } catch (RuntimeException e) {
                    return; // the solver failed: the DFS's answer stands alone
                }
                sat[0] = result;
                if (result.answer() != BandwidthDecision.Answer.UNKNOWN) {
                    settled.set(true);
                }
            }, "bandwidth-decision-sat");
            solver.setDaemon(true);
            solver.start();
            BandwidthDecision.Result dfs = problem.decide(k, deadline, stop, 1);
            if (dfs.answer() != BandwidthDecision.Answer.UNKNOWN) {
                settled.set(true);
            }
            boolean interrupted = false;
            while (true) {
                try {
                    solver.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    settled.set(true);
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            nodes += dfs.nodes();
            conflicts += sat[0] == null ? 0 : sat[0].nodes();
            if (dfs.answer() != BandwidthDecision.Answer.UNKNOWN && sat[0] != null
                    && sat[0].answer() != BandwidthDecision.Answer.UNKNOWN && sat[0].answer() != dfs.answer()) {
                // Both finished before either stopped the other, and they disagree: one is wrong.
                throw new IllegalStateException("the bandwidth decisions disagree at k = " + k + ": the DFS says "
                        + dfs.answer() + ", CP-SAT " + sat[0].answer());
            }
            if (dfs.answer() != BandwidthDecision.Answer.UNKNOWN) {
                bySat = false;
                return dfs;
            }
            if (sat[0] != null && sat[0].answer() != BandwidthDecision.Answer.UNKNOWN) {
                bySat = sat[0].answer() == BandwidthDecision.Answer.NO;
                return sat[0];
            }
            return dfs;
        }

        /** The bound a "no" at k proves. */
        LowerBound bound(int k) {
            String how = bySat
                    ? "CP-SAT refutation (order encoding, " + conflicts + " conflicts)"
                    : "exhaustive search";
            return new LowerBound(k + 1, how + ": " + refuted + " has no order of bandwidth " + k
                    + " (" + nodes + " search nodes)");
        }
    }

    /** The best order so far, shared by the search and the decisions. */
    private static final class Incumbent {
        private int[] order;
        private volatile int bandwidth;
        /** When the order last improved (System.nanoTime), or when it was first given. */
        private volatile long improvedAt = System.nanoTime();

        Incumbent(int[] order, int bandwidth) {
            this.order = order;
            this.bandwidth = bandwidth;
        }

        synchronized void offer(int newBandwidth, int[] newOrder) {
            if (newBandwidth < bandwidth) {
                order = newOrder.clone();
                bandwidth = newBandwidth;
                improvedAt = System.nanoTime();
            }
        }

        int bandwidth() {
            return bandwidth;
        }

        long improvedAt() {
            return improvedAt;
        }

        synchronized int[] order() {
            return order.clone();
        }
    }

    /** The order 0, 1, …, n − 1. */
    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
