package dev.skylift.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of a graph's vertices, kept apart from its int-indexed structure so that hot graph
 * code never touches strings. A VM name, an IP address, or the 1-based row index of a
 * MatrixMarket file.
 */
public interface VertexLabels {

    /** How many vertices are labelled. */
    int size();

    /** The label of vertex {@code v} (0-based). */
    String label(int v);

    /** The vertex with this label, or -1 when no vertex has it. */
    int indexOf(String label);

    /** Labels "1", "2", … "n": the 1-based indices of MatrixMarket files, stored as nothing. */
    static VertexLabels oneBased(int n) {
        return new OneBased(n);
    }

    /** Labels given by name; they must be distinct. */
    static VertexLabels of(List<String> names) {
        return new Named(names.toArray(String[]::new));
    }

    /** Labels given by name; they must be distinct. The array is copied. */
    static VertexLabels of(String... names) {
        return new Named(names.clone());
    }

    final class OneBased implements VertexLabels {
        private final int n;

        private OneBased(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("vertex count " + n + " is negative");
            }
            this.n = n;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public String label(int v) {
            if (v < 0 || v >= n) {
                throw new IndexOutOfBoundsException("vertex " + v + " is outside 0.." + (n - 1));
            }
            return Integer.toString(v + 1);
        }

        @Override
        public int indexOf(String label) {
            // Only the canonical spelling counts: "007" is not the label of vertex 6.
            if (label.isEmpty() || label.length() > 10 || label.charAt(0) == '0') {
                return -1;
            }
            for (int i = 0; i < label.length(); i++) {
                if (label.charAt(i) < '0' || label.charAt(i) > '9') {
                    return -1;
                }
            }
            long value = Long.parseLong(label);
            return value >= 1 && value <= n ? (int) value - 1 : -1;
        }
    }

    final class Named implements VertexLabels {
        private final String[] names;
        private final Map<String, Integer> index;

        private Named(String[] names) {
            this.names = names;
            this.index = new HashMap<>(names.length * 2);
            for (int v = 0; v < names.length; v++) {
                if (names[v] == null) {
                    throw new IllegalArgumentException("vertex " + v + " has no label");
                }
                Integer previous = index.putIfAbsent(names[v], v);
                if (previous != null) {
                    throw new IllegalArgumentException(
                            "label '" + names[v] + "' names both vertex " + previous + " and vertex " + v);
                }
            }
        }

        @Override
        public int size() {
            return names.length;
        }

        @Override
        public String label(int v) {
            return names[v];
        }

        @Override
        public int indexOf(String label) {
            Integer v = index.get(label);
            return v == null ? -1 : v;
        }

        @Override
        public String toString() {
            return names.length <= 8 ? Arrays.toString(names) : names.length + " named vertices";
        }
    }
}
