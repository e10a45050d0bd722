package dev.skylift.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightTreeTest {

    @Test
    void findsTheIndexWhereTheRunningSumCrossesTheTargetAsALinearScanDoes() {
        var random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(40);
            var tree = new WeightTree(n);
            long[] weights = new long[n];
            for (int update = 0; update < 3 * n; update++) {
                int i = random.nextInt(n);
                long value = random.nextInt(4) == 0 ? 0 : random.nextInt(1000);
                tree.set(i, value);
                weights[i] = value;
            }
            long total = 0;
            for (long w : weights) {
                total += w;
            }
            assertThat(tree.total()).isEqualTo(total);
            for (long target = 0; target < total; target += 1 + random.nextInt(50)) {
                long sum = 0;
                int expected = 0;
                while (sum + weights[expected] <= target) {
                    sum += weights[expected++];
                }
                assertThat(tree.find(target)).as("target %d of %d", target, total).isEqualTo(expected);
                assertThat(weights[tree.find(target)]).isPositive();
            }
        }
    }
}
