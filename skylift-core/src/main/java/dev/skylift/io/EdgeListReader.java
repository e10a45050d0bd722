package dev.skylift.io;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a plain edge list: one communicating pair per line, {@code u v [weight]}, where u and v are
 * any tokens without spaces (VM names, IP addresses, numbers) and the weight, when given, a number
 * ≥ 0 (default 1). A token starting with {@code #} starts a comment that runs to the end of the
 * line. Vertices are numbered in order of first appearance; repeated pairs add up their weights;
 * a line pairing a vertex with itself only declares that vertex.
 */
public final class EdgeListReader {

    private EdgeListReader() {
    }

    public static CommGraph read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file);
        } catch (CharacterCodingException e) {
            throw new InputFormatException(file, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads from an open reader; {@code file} names the source in error messages. */
    public static CommGraph read(BufferedReader in, Path file) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        // Endpoints are collected first because the vertex count is known only at the end.
        IntPairs pairs = new IntPairs();
        LineTokenizer tokens = new LineTokenizer();
        String line;
        long lineNumber = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            int count = tokens.split(line, '#');
            if (count == 0) {
                continue;
            }
            if (count < 2 || count > 3) {
                throw new InputFormatException(file, lineNumber, "line '" + MatrixMarketReader.shorten(line) + "' has "
                        + MatrixMarketReader.describeCount(count) + "; expected 'u v [weight]'");
            }
            double weight = 1.0;
            if (count == 3) {
                weight = tokens.doubleValue(2);
                if (Double.isNaN(weight) || Double.isInfinite(weight)) {
                    throw new InputFormatException(file, lineNumber, "weight '" + tokens.token(2)
                            + "' is not a number; expected a number ≥ 0");
                }
                if (weight < 0) {
                    throw new InputFormatException(file, lineNumber, "weight '" + tokens.token(2)
                            + "' is negative; expected a number ≥ 0");
                }
            }
            int u = vertex(tokens.token(0), index, names);
            int v = vertex(tokens.token(1), index, names);
            pairs.add(u, v, weight);
        }
        CommGraph.Builder builder = CommGraph.builder(names.size(), pairs.size(), true);
        for (int i = 0; i < pairs.size(); i++) {
            builder.addEdge(pairs.u(i), pairs.v(i), pairs.weight(i));
        }
        return builder.build(VertexLabels.of(names));
    }

    private static int vertex(String name, Map<String, Integer> index, List<String> names) {
        Integer v = index.get(name);
        if (v == null) {
            v = names.size();
            index.put(name, v);
            names.add(name);
        }
        return v;
    }

    /** Growable parallel arrays of (u, v, weight). */
    private static final class IntPairs {
        private int[] us = new int[64];
        private int[] vs = new int[64];
        private double[] weights = new double[64];
        private int size;

        void add(int u, int v, double weight) {
            if (size == us.length) {
                int capacity = size + (size >> 1);
                us = java.util.Arrays.copyOf(us, capacity);
                vs = java.util.Arrays.copyOf(vs, capacity);
                weights = java.util.Arrays.copyOf(weights, capacity);
            }
            us[size] = u;
            vs[size] = v;
            weights[size] = weight;
            size++;
        }

        int size() {
            return size;
        }

        int u(int i) {
            return us[i];
        }

        int v(int i) {
            return vs[i];
        }

        double weight(int i) {
            return weights[i];
        }
    }
}
