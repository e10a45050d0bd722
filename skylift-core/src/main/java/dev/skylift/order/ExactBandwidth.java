package dev.skylift.order;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.ConnectedComponents;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Minimum bandwidth with a proof. A heuristic ({@link BandwidthSearch} from reverse Cuthill–McKee)
 * and exhaustive decisions ({@link BandwidthDecision}) run side by side, sharing the best order
 * and the bound. The decisions first climb from the lower bound — just above it the answer is
 * usually a quick "no", and each "no" raises the bound — with a tenth of the remaining proof time
 * per step, a step that runs out of it passing on to the next k once (a "no" there covers every k
 * below); then they ask about one below the best bandwidth known: a "yes" lowers the best order, a
 * "no" raises the lower bound to meet it and makes the best order optimal; when the search beats
 * k first, the decision moves on.
 *
 * <p>When the whole time is the proof's, the decisions get two threads. Where the largest
 * component has {@value #SAT_MIN_VERTICES} to {@value BandwidthSatDecision#MAX_VERTICES} vertices
 * and the solver's native library loads, one is the depth-first {@link BandwidthDecision}'s, which
 * climbs and then asks the downward question (where its climb stops short, CP-SAT takes both on,
 * on the same thread, on the model with the symmetry broken at the other end: a second,
 * differently searched refutation beside the first), and the other is CP-SAT's ({@link
 * BandwidthSatDecision}), which asks the downward question from the start: the DFS is quick where
 * fixing the two ends of the order pins most vertices, CP-SAT's learning where it does not
 * (bcsstk04, bcsstk05, bcsstk22, lns__131 and lund_a were proved by it alone), and the solver
 * starts afresh on every question, so its time is best spent in one piece on the question whose
 * "no" covers every k below. Otherwise the DFS splits its search over both threads. With a smaller
 * proof share ({@code auto}, which wants the best order first) the DFS decides alone on one thread,
 * and a climb that runs out of time hands that thread to the search at once instead of asking the
 * downward question.
 * The search retires once it has stalled, leaving its core to the decisions (see {@link
 * #SEARCH_PATIENCE}). Components are decided one by one: the graph's bandwidth is the largest of
 * theirs, so one component without an order of bandwidth k proves the bound for the whole.
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
     * Smallest component CP-SAT decides; below it the DFS answers in milliseconds and the solver's
     * model, thread and native call would only add to them.
     */
    static final int SAT_MIN_VERTICES = 30;

    /** Least proof time for CP-SAT to be started: building its model takes a good part of a second. */
    static final long SAT_MIN_NANOS = 2_000_000_000L;

    /**
     * When the whole time is the proof's, the search beside it stops once the best order has not
     * improved for this share of the time limit (at least {@value #MIN_SEARCH_PATIENCE_NANOS} ns).
     * The decisions then run two threads of their own; with the search's a third on two cores,
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
     * Runs the search on one core and the decisions on the other, sharing the best order and the
     * bound: each decision asks about one below the incumbent's band and is dropped as soon as the
     * search gets there first. When the whole time is the proof's, the search retires once it has
     * stalled (see {@link #SEARCH_PATIENCE}) and, where CP-SAT can take the graph, the solver asks
     * the downward question on a thread of its own while the DFS climbs (see the class comment).
     * Returns the bound, raised when a decision proves it.
     */
    private static LowerBound prove(CommGraph graph, LowerBound bound, Incumbent incumbent, OrderingOptions options,
                                    long proofDeadline, long deadline) {
        AtomicBoolean stop = new AtomicBoolean();
        int target = bound.value();
        int[] start = incumbent.order();
        AtomicBoolean searchStop = new AtomicBoolean();
        Thread search = new Thread(() -> BandwidthSearch.improve(graph, start, target, options, deadline, 1, 0, searchStop,
                incumbent::offer), "exact-bandwidth-search");
        search.setDaemon(true);
        search.start();
        Thread solver = null;
        try {
            ConnectedComponents components = ConnectedComponents.of(graph);
            if (components.largestSize() > MAX_DECIDED_VERTICES) {
                // No proof is possible here: this core searches too.
                searchToo(graph, start, incumbent, bound, options, deadline, stop);
                return bound;
            }
            AtomicReference<LowerBound> proved = new AtomicReference<>(bound);
            boolean proofOnly = proofDeadline - deadline >= 0;
            // When the whole time is the proof's, the decisions have two threads beside the
            // search's (auto, which wants the order first, keeps them to one): CP-SAT's and the
            // DFS's where the solver can take the graph, else two for the DFS.
            boolean satBeside = proofOnly && components.largestSize() >= SAT_MIN_VERTICES
                    && components.largestSize() <= BandwidthSatDecision.MAX_VERTICES
                    && proofDeadline - System.nanoTime() >= SAT_MIN_NANOS && BandwidthSatDecision.available();
            Decisions decisions = new Decisions(graph, components, satBeside || !proofOnly ? 1 : DECISION_WORKERS);
            if (proofOnly) {
                long patience = Math.max(MIN_SEARCH_PATIENCE_NANOS, (long) (options.timeLimit().toNanos() * SEARCH_PATIENCE));
                retireWhenStalled(searchStop, stop, incumbent, patience);
            }
            if (satBeside) {
                Decisions sat = decisions.solver(false);
                solver = new Thread(() -> {
                    try {
                        downwards(sat, proved, incumbent, proofDeadline, stop);
                    } catch (RuntimeException e) {
                        // The solver failed: the DFS's answers stand alone.
                    }
                }, "exact-bandwidth-sat");
                solver.setDaemon(true);
                solver.start();
            }
            boolean climbTimedOut = climb(decisions, proved, incumbent, proofDeadline, DFS_CLIMB_STEP);
            Decisions onThisThread = decisions;
            if (satBeside && proved.get().value() < incumbent.bandwidth() - 1) {
                // The DFS's climb stopped short of the downward question: CP-SAT, on the model with
                // the symmetry broken at the path's other end, climbs on from the bound on this
                // thread and then asks the downward question beside the other thread's.
                onThisThread = decisions.solver(true);
                climb(onThisThread, proved, incumbent, proofDeadline, SAT_CLIMB_STEP);
            }
            if (proofOnly || !climbTimedOut) {
                // With a proof share (auto), a climb that ran out of time leaves the downward
                // question, harder still unless its answer is "yes", which the search finds better.
                downwards(onThisThread, proved, incumbent, proofDeadline, stop);
            }
            if (solver != null) {
                join(solver);
                solver = null;
            }
            if (incumbent.bandwidth() > proved.get().value() && System.nanoTime() - deadline < 0) {
                // The proof's time is up, or (auto) its climb ran out of time: this core searches too.
                searchToo(graph, start, incumbent, proved.get(), options, deadline, stop);
            }
            return proved.get();
        } finally {
            stop.set(true);
            searchStop.set(true);
            if (solver != null) {
                join(solver);
            }
            join(search);
        }
    }

    /** The share of the proof time left a DFS climb step gets: one over this. */
    static final int DFS_CLIMB_STEP = 10;

    /**
     * The same for CP-SAT's climb, which follows a DFS climb that stopped short of the downward
     * question, where the solver runs beside it: CP-SAT refutes the k just above the bound in
     * seconds where the DFS has no answer in minutes (one worker, two runs side by side: impcol_c
     * at 28 in 4.6 s, gre__115 at 20 in 8.3 s, mcca at 34 in 6.0 s), and a third of the time left
     * per step gives it room to.
     */
    static final int SAT_CLIMB_STEP = 3;

    /**
     * Upwards from the bound: just above it the answer is usually a quick "no", and each one raises
     * the bound. Each step gets one {@code step}-th of the proof time left. A step that cannot
     * finish in it does not end the climb at once: the next k is asked, since a "no" there proves
     * the bound for every k below it too, and the hardness of the questions is not monotone in k
     * (on bcsstk04, "no" at 35 takes a second where 34 takes twenty). Two steps out of time in a
     * row, a "yes", or reaching one below the best order (the downward question's) end the climb;
     * so does a bound from elsewhere (the solver's thread) that passes k. Returns whether it ended
     * on two steps out of time.
     */
    private static boolean climb(Decisions decisions, AtomicReference<LowerBound> proved, Incumbent incumbent,
                              long until, int step) {
        int timedOut = 0;
        int k = proved.get().value();
        while (timedOut < 2) {
            k = Math.max(k, proved.get().value());
            long now = System.nanoTime();
            if (k >= incumbent.bandwidth() - 1 || until - now <= 0) {
                return false;
            }
            int asked = k;
            BandwidthDecision.Answer answer = decisions.decide(asked, now + (until - now) / step,
                    () -> proved.get().value() > asked, incumbent);
            if (answer == BandwidthDecision.Answer.NO) {
                proved.accumulateAndGet(decisions.bound(asked), LowerBound::max);
                timedOut = 0;
            } else if (answer == BandwidthDecision.Answer.YES) {
                return false;
            } else if (proved.get().value() <= asked) {
                timedOut++;
            }
            k++;
        }
        return true;
    }

    /**
     * Searches on this thread too, from {@code start} (the order the first walk started from) until
     * the deadline, as walk 2 of the search's portfolio: a seed of its own and the cool acceptance
     * aim of walk 0, the one that finds the wide bands of small graphs (see {@link
     * BandwidthSearch}), where a warm walk added nothing on fs_183_1 and will199. It starts afresh
     * rather than from the best order so far, which would put it in the basin where the first walk
     * may be stuck: on fs_183_1 (relabelled, seed 42) the first walk sat at 62 from 1.3 s to the end
     * of 10 s, a fresh walk of another seed reached 60 in 1 s.
     */
    private static void searchToo(CommGraph graph, int[] start, Incumbent incumbent, LowerBound bound,
                                  OrderingOptions options, long deadline, AtomicBoolean stop) {
        BandwidthSearch.improve(graph, start, bound.value(), options, deadline, 1, 2, stop, incumbent::offer);
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
     * a "no" raises the bound to meet the best order; out of time (or {@code stop}) ends it, as does
     * a bound from elsewhere that meets the best order.
     */
    private static void downwards(Decisions decisions, AtomicReference<LowerBound> proved, Incumbent incumbent,
                                  long until, AtomicBoolean stop) {
        while (incumbent.bandwidth() > proved.get().value() && System.nanoTime() - until < 0 && !stop.get()) {
            int k = incumbent.bandwidth() - 1;
            BandwidthDecision.Answer answer = decisions.decide(k, until,
                    () -> incumbent.bandwidth() <= k || proved.get().value() > k || stop.get(), incumbent);
            if (answer == BandwidthDecision.Answer.NO) {
                proved.accumulateAndGet(decisions.bound(k), LowerBound::max);
                return;
            } else if (answer != BandwidthDecision.Answer.YES && incumbent.bandwidth() > k && proved.get().value() <= k) {
                return; // out of time
            }
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The decision "bandwidth ≤ k?" for a graph, one component at a time, by the DFS on its workers
     * or (the solver's decisions) on components of {@value #SAT_MIN_VERTICES} vertices or more by
     * CP-SAT on one thread. One thread uses an instance at a time.
     */
    private static final class Decisions {
        private final CommGraph graph;
        private final ConnectedComponents components;
        private final CommGraph[] parts;
        private final BandwidthDecision.Problem[] problems;
        private final int workers;
        private final boolean sat;
        /** For CP-SAT's decisions: the model with the symmetry broken at the path's other end. */
        private final boolean otherEnd;
        /** DFS search nodes and CP-SAT conflicts over all decisions, and whether the last "no" was CP-SAT's. */
        private long nodes;
        private long conflicts;
        private boolean bySat;
        private String refuted;

        /** The DFS's decisions, on {@code workers} threads. */
        Decisions(CommGraph graph, ConnectedComponents components, int workers) {
            this(graph, components, components.subgraphs(graph), new BandwidthDecision.Problem[components.count()],
                    workers, false, false);
        }

        private Decisions(CommGraph graph, ConnectedComponents components, CommGraph[] parts,
                          BandwidthDecision.Problem[] problems, int workers, boolean sat, boolean otherEnd) {
            this.graph = graph;
            this.components = components;
            this.parts = parts;
            this.problems = problems;
            this.workers = workers;
            this.sat = sat;
            this.otherEnd = otherEnd;
        }

        /**
         * CP-SAT's decisions on the same components, for another thread: they share the
         * components' precomputed problems (distances, twins), built once by whichever asks first.
         * Two threads asking the same question take the two models ({@code otherEnd} false and true).
         */
        Decisions solver(boolean otherEnd) {
            return new Decisions(graph, components, parts, problems, 1, true, otherEnd);
        }

        private BandwidthDecision.Problem problem(int c) {
            synchronized (problems) {
                if (problems[c] == null) {
                    problems[c] = new BandwidthDecision.Problem(parts[c]);
                }
                return problems[c];
            }
        }

        /**
         * YES (and the order offered to the incumbent) when every component has an order of
         * bandwidth k; NO when one has none; UNKNOWN when time ran out or the answer stopped mattering.
         */
        BandwidthDecision.Answer decide(int k, long deadline, BooleanSupplier cancelled, Incumbent incumbent) {
            int[][] layouts = new int[parts.length][];
            for (int c = 0; c < parts.length; c++) {
                CommGraph part = parts[c];
                if (part.vertexCount() - 1 <= k) {
                    layouts[c] = identity(part.vertexCount());
                    continue;
                }
                BandwidthDecision.Problem problem = problem(c);
                bySat = sat && part.vertexCount() >= SAT_MIN_VERTICES;
                BandwidthDecision.Result result = bySat
                        ? BandwidthSatDecision.decide(problem, k, deadline, cancelled, 1, otherEnd)
                        : problem.decide(k, deadline, cancelled, workers);
                if (bySat) {
                    conflicts += result.nodes();
                } else {
                    nodes += result.nodes();
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

        /** The bound a "no" at k proves. */
        LowerBound bound(int k) {
            String how = bySat
                    ? "CP-SAT refutation (order encoding, " + conflicts + " conflicts)"
                    : "exhaustive search (" + nodes + " search nodes)";
            return new LowerBound(k + 1, how + ": " + refuted + " has no order of bandwidth " + k);
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
