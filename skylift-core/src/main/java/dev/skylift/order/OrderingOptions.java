package dev.skylift.order;

import java.time.Duration;
import java.util.Objects;

/**
 * What a caller allows an {@link Orderer}: how long it may run (for the whole graph) and the seed
 * of any randomness, so that a run can be repeated exactly.
 */
public record OrderingOptions(Duration timeLimit, long seed) {

    public OrderingOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit " + timeLimit + " must be positive");
        }
    }

    /** Ten seconds, seed 1. */
    public static OrderingOptions defaults() {
        return new OrderingOptions(Duration.ofSeconds(10), 1L);
    }

    public OrderingOptions withTimeLimit(Duration limit) {
        return new OrderingOptions(limit, seed);
    }

    public OrderingOptions withSeed(long newSeed) {
        return new OrderingOptions(timeLimit, newSeed);
    }
}
