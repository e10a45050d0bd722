package dev.skylift.app.report;

import java.util.Locale;

/**
 * The report's colours: a sequential scale for migration order (viridis, van der Walt and Smith
 * for matplotlib, 2015: perceptually uniform and readable by colour-blind readers) and a
 * categorical set for strategies (Tableau 10).
 */
final class Palette {

    /** Viridis at 0, 0.1, …, 1. */
    private static final int[] VIRIDIS = {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884,
            0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};
    private static final String[] CATEGORICAL = {"#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#76b7b2",
            "#edc948", "#ff9da7", "#9c755f", "#bab0ac"};
    /** How many steps the order scale has. */
    static final int STEPS = 256;

    private Palette() {
    }

    /** The order scale as {@link #STEPS} CSS colours, first moved to last. */
    static String[] order() {
        String[] colours = new String[STEPS];
        for (int i = 0; i < STEPS; i++) {
            double at = i / (double) (STEPS - 1) * (VIRIDIS.length - 1);
            int lo = Math.min(VIRIDIS.length - 2, (int) at);
            double f = at - lo;
            int r = mix(VIRIDIS[lo] >> 16, VIRIDIS[lo + 1] >> 16, f);
            int g = mix(VIRIDIS[lo] >> 8 & 0xff, VIRIDIS[lo + 1] >> 8 & 0xff, f);
            int b = mix(VIRIDIS[lo] & 0xff, VIRIDIS[lo + 1] & 0xff, f);
            colours[i] = String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
        }
        return colours;
    }

    /** The step of the order scale for the VM moved {@code rank}-th of {@code count}. */
    static int step(int rank, int count) {
        return count <= 1 ? 0 : (int) Math.round(rank * (STEPS - 1.0) / (count - 1));
    }

    /** The colour of the {@code index}-th strategy. */
    static String strategy(int index) {
        return CATEGORICAL[index % CATEGORICAL.length];
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xff) + f * ((b & 0xff) - (a & 0xff)));
    }
}
