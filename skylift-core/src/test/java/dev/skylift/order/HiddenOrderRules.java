package dev.skylift.order;

import dev.skylift.graph.GraphGenerators;
import dev.skylift.traffic.AffinityRules.Precedence;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Before and together rules drawn at random but consistent with a hidden order, so that some order
 * obeys them all: the hidden order is cut into blocks (a third of them 1 to {@code longestBlock} VMs
 * long, the rest single VMs), blocks of two or more move together, and before rules point forward
 * in the hidden order between different blocks.
 *
 * @param hidden   the hidden order, vertices first to last
 * @param block    each vertex's block
 * @param before   A before B, forward in the hidden order
 * @param together the blocks of two or more, by name
 */
public record HiddenOrderRules(int[] hidden, int[] block, List<Precedence> before, List<List<String>> together) {

    public static HiddenOrderRules draw(List<String> names, int longestBlock, Random random) {
        int n = names.size();
        int[] hidden = GraphGenerators.randomPermutation(n, random);
        int[] block = new int[n];
        var together = new ArrayList<List<String>>();
        for (int i = 0, b = 0; i < n; b++) {
            int length = random.nextInt(3) == 0 ? Math.min(n - i, 1 + random.nextInt(longestBlock)) : 1;
            var members = new ArrayList<String>();
            for (int j = 0; j < length; j++, i++) {
                block[hidden[i]] = b;
                members.add(names.get(hidden[i]));
            }
            if (length > 1) {
                together.add(members);
            }
        }
        var before = new ArrayList<Precedence>();
        for (int r = random.nextInt(2 * n); r > 0; r--) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            int a = hidden[Math.min(i, j)];
            int b = hidden[Math.max(i, j)];
            if (block[a] != block[b]) {
                before.add(new Precedence(names.get(a), names.get(b)));
            }
        }
        return new HiddenOrderRules(hidden, block, before, together);
    }
}
