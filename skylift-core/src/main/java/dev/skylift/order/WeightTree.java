package dev.skylift.order;

/**
 * Non-negative integer weights over 0..n−1 in a Fenwick tree (Fenwick, "A new data structure for
 * cumulative frequency tables", 1994): add to a weight, read the total, and find the index where a
 * running sum crosses a value, each in O(log n). Drawing a uniform value below the total and
 * finding it picks an index with probability proportional to its weight. Integer weights keep
 * sums exact, so an index whose weight went back to zero is never drawn.
 */
final class WeightTree {

    private final long[] tree;
    private final long[] weight;
    private final int highBit;

    WeightTree(int size) {
        tree = new long[size + 1];
        weight = new long[size];
        highBit = size == 0 ? 0 : Integer.highestOneBit(size);
    }

    long weight(int index) {
        return weight[index];
    }

    void set(int index, long value) {
        add(index, value - weight[index]);
    }

    void add(int index, long delta) {
        if (weight[index] + delta < 0) {
            throw new IllegalArgumentException("weight of " + index + " would be negative: " + weight[index] + " + " + delta);
        }
        weight[index] = Math.addExact(weight[index], delta);
        for (int i = index + 1; i < tree.length; i += i & -i) {
            tree[i] += delta;
        }
    }

    long total() {
        long sum = 0;
        for (int i = tree.length - 1; i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }

    /** The index i with sum(weight[0..i−1]) ≤ target &lt; sum(weight[0..i]); target must be below the total. */
    int find(long target) {
        int position = 0;
        long remaining = target;
        for (int step = highBit; step > 0; step >>= 1) {
            int next = position + step;
            if (next < tree.length && tree[next] <= remaining) {
                position = next;
                remaining -= tree[next];
            }
        }
        return position;
    }
}
