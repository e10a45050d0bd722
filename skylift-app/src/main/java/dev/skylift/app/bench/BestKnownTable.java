package dev.skylift.app.bench;

import dev.skylift.io.InputFormatException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The literature's best-known bandwidths and lower bounds, one row per instance
 * ({@code instance,n,edges,lower_bound,best_known,optimal,source}; empty cells where no source
 * gives a value).
 */
final class BestKnownTable {

    /** One instance's row; a missing value is null. */
    record Entry(String instance, Integer n, Integer lowerBound, Integer bestKnown, boolean optimal, String source) {
    }

    private final Map<String, Entry> byInstance;

    private BestKnownTable(Map<String, Entry> byInstance) {
        this.byInstance = byInstance;
    }

    static BestKnownTable empty() {
        return new BestKnownTable(Map.of());
    }

    static BestKnownTable read(Path file) {
        CsvMapper mapper = CsvMapper.builder().build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Map<String, Entry> entries = new HashMap<>();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema)
                .readValues(file.toFile())) {
            long line = 1;
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                line++;
                for (String column : List.of("instance", "n", "lower_bound", "best_known")) {
                    if (!row.containsKey(column)) {
                        throw new InputFormatException(file, line, "has no column '" + column
                                + "'; expected the header instance,n,edges,lower_bound,best_known,optimal,source");
                    }
                }
                String instance = row.get("instance").trim();
                entries.put(instance, new Entry(instance,
                        integer(file, line, "n", row.get("n")),
                        integer(file, line, "lower_bound", row.get("lower_bound")),
                        integer(file, line, "best_known", row.get("best_known")),
                        "yes".equalsIgnoreCase(String.valueOf(row.get("optimal")).trim()),
                        row.getOrDefault("source", "")));
            }
        } catch (JacksonException e) {
            throw new InputFormatException(file, 0, "is not a readable CSV table: " + e.getOriginalMessage());
        }
        return new BestKnownTable(entries);
    }

    Optional<Entry> get(String instance) {
        return Optional.ofNullable(byInstance.get(instance));
    }

    private static Integer integer(Path file, long line, String column, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, line, column + " '" + value + "' is not a non-negative integer");
        }
    }
}
