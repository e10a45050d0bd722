package dev.skylift.order;

/**
 * A proven lower bound on a graph's bandwidth, with the evidence in words
 * ("vertex 17 has 9 neighbours"), so that an operator can see why no order can do better.
 */
public record LowerBound(int value, String reason) {

    public LowerBound {
        if (value < 0) {
            throw new IllegalArgumentException("a bandwidth lower bound cannot be negative: " + value);
        }
    }

    /** The larger of two bounds (this one on a tie). */
    public LowerBound max(LowerBound other) {
        return other.value > value ? other : this;
    }
}
