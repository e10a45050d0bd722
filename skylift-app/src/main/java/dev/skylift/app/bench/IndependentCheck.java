package dev.skylift.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the bandwidth of an order straight from a MatrixMarket file and the order's labels,
 * sharing no code with the graph model or the orderers, so that a bug there cannot vouch for
 * itself. Deliberately plain: split each line, look up both ends, take the largest distance.
 */
final class IndependentCheck {

    private IndependentCheck() {
    }

    /**
     * The bandwidth of {@code order} (labels, first to migrate first) on the graph in {@code file};
     * fails when the order is not a permutation of the file's vertices "1".."n".
     */
    static int bandwidth(Path file, List<String> order) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            if (position.put(order.get(i), i) != null) {
                throw new IllegalStateException(file + ": the order names vertex " + order.get(i) + " twice");
            }
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            boolean sizeSeen = false;
            int bandwidth = 0;
            while ((line = in.readLine()) != null) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("%")) {
                    continue;
                }
                String[] fields = trimmed.split("\\s+");
                if (!sizeSeen) {
                    sizeSeen = true;
                    int n = Integer.parseInt(fields[0]);
                    if (n != order.size()) {
                        throw new IllegalStateException(file + ": the order has " + order.size() + " vertices, the file " + n);
                    }
                    for (int v = 1; v <= n; v++) {
                        if (!position.containsKey(Integer.toString(v))) {
                            throw new IllegalStateException(file + ": the order leaves out vertex " + v);
                        }
                    }
                    continue;
                }
                int pi = position.get(Integer.toString(Integer.parseInt(fields[0])));
                int pj = position.get(Integer.toString(Integer.parseInt(fields[1])));
                bandwidth = Math.max(bandwidth, Math.abs(pi - pj));
            }
            return bandwidth;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
