package dev.skylift.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML document as a small tree whose every node remembers its line, so that readers of
 * inventories and rules can say where a bad value is. Built from Jackson's YAML token stream (never
 * bound blindly to classes, which would lose the lines and accept unknown fields). A key repeated
 * in one mapping is an error.
 */
final class YamlTree {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** A node of the tree. */
    sealed interface Node permits Scalar, Sequence, Mapping {
        int line();
    }

    /** A scalar; {@code text} is null for YAML's null ({@code ~}, {@code null}, nothing). */
    record Scalar(String text, int line) implements Node {
    }

    record Sequence(List<Node> items, int line) implements Node {
    }

    /** A mapping: its keys in file order, each with the line it is on. */
    record Mapping(Map<String, Entry> entries, int line) implements Node {
        Node get(String key) {
            Entry entry = entries.get(key);
            return entry == null ? null : entry.value();
        }
    }

    record Entry(String key, int line, Node value) {
    }

    private YamlTree() {
    }

    /** The document's root, or null when the file holds no document. */
    static Node read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InputFormatException(file, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    /** Parses YAML text; {@code file} names the source in error messages. */
    static Node parse(String text, Path file) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            return node(parser, token, file);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = e.getOriginalMessage();
            int cut = message.indexOf('\n');
            throw new InputFormatException(file, Math.max(line, 0), "is not valid YAML: "
                    + (cut > 0 ? message.substring(0, cut) : message));
        }
    }

    private static Node node(JsonParser parser, JsonToken token, Path file) {
        int line = parser.currentTokenLocation().getLineNr();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    Node value = node(parser, parser.nextToken(), file);
                    Entry previous = entries.put(key, new Entry(key, keyLine, value));
                    if (previous != null) {
                        throw new InputFormatException(file, keyLine, "key '" + key + "' is repeated; it is already at line "
                                + previous.line());
                    }
                    if (next != JsonToken.PROPERTY_NAME) {
                        throw new IllegalStateException("unexpected " + next);
                    }
                }
                return new Mapping(entries, line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(node(parser, next, file));
                }
                return new Sequence(items, line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, line);
            }
            default -> {
                return new Scalar(parser.getText(), line);
            }
        }
    }
}
