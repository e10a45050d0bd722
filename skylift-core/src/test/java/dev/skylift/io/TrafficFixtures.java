package dev.skylift.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The small estate and flow files under test resources {@code traffic/}. */
final class TrafficFixtures {

    private TrafficFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TrafficFixtures.class.getClassLoader().getResource("traffic/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code text} to {@code name} in {@code dir}. */
    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's text with line {@code number} (1-based) replaced. */
    static String replaceLine(String resource, int number, String line) {
        try {
            var lines = new java.util.ArrayList<>(Files.readAllLines(resource(resource), StandardCharsets.UTF_8));
            lines.set(number - 1, line);
            return String.join("\n", lines) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
