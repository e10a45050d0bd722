package dev.skylift.order;

import java.time.Duration;
import java.util.Objects;

/**
 * What a caller allows an {@link Orderer}: how long it may run (for the whole graph), the seed of
 * any randomness, and optionally a budget of search iterations. A search bounded by iterations
 * rather than time gives the same result for the same seed on any machine.
 */
public record OrderingOptions(Duration timeLimit, long seed, long iterationLimit) {

    /** No limit on iterations: only the time limit stops a search. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    public OrderingOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit " + timeLimit + " must be positive");
        }
        if (iterationLimit < 1) {
            throw new IllegalArgumentException("the iteration limit " + iterationLimit + " must be positive");
        }
    }

    /** A time limit and a seed, no iteration limit. */
    public OrderingOptions(Duration timeLimit, long seed) {
        this(timeLimit, seed, UNLIMITED);
    }

    /** Ten seconds, seed 1. */
    public static OrderingOptions defaults() {
        return new OrderingOptions(Duration.ofSeconds(10), 1L);
    }

    public OrderingOptions withTimeLimit(Duration limit) {
        return new OrderingOptions(limit, seed, iterationLimit);
    }

    public OrderingOptions withSeed(long newSeed) {
        return new OrderingOptions(timeLimit, newSeed, iterationLimit);
    }

    /** The same options with a budget of search iterations (per search thread). */
    public OrderingOptions withIterationLimit(long limit) {
        return new OrderingOptions(timeLimit, seed, limit);
    }
}
