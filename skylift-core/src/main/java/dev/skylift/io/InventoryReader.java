package dev.skylift.io;

import dev.skylift.inventory.Criticality;
import dev.skylift.inventory.Inventory;
import dev.skylift.inventory.IpParser;
import dev.skylift.inventory.Node;
import dev.skylift.inventory.Vm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads an inventory: YAML ({@code nodes:} and {@code vms:}) or CSV (one VM per line, header
 * {@code name,ips,host,memory_mib,disk_gib,dirty_mib_s,tags,criticality} in any order, plus
 * optional {@code labels.KEY} columns). The format follows the file name ({@code .csv} is CSV,
 * anything else YAML).
 *
 * <p>Strict on purpose: an unknown field is an error (free keys belong under {@code labels:}), a
 * repeated VM name or address is an error naming both lines, and a bad value names its file, line,
 * field and value, e.g. {@code inv.yaml:7: memory_mib '-5' is negative; expected an integer > 0}.
 * Addresses are stored in canonical form (RFC 5952 for IPv6) so every spelling finds its VM.
 */
public final class InventoryReader {

    private static final Set<String> ROOT_FIELDS = Set.of("nodes", "vms");
    private static final Set<String> NODE_FIELDS = Set.of("name", "cpus", "memory_mib", "labels");
    private static final List<String> VM_FIELDS =
            List.of("name", "ips", "host", "memory_mib", "disk_gib", "dirty_mib_s", "tags", "criticality", "labels");
    private static final List<String> CSV_REQUIRED = List.of("name", "ips", "host", "memory_mib", "disk_gib");

    private InventoryReader() {
    }

    /** Reads YAML or CSV, by the file name. */
    public static Inventory read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") ? readCsv(file) : readYaml(file);
    }

    public static Inventory readYaml(Path file) {
        YamlTree.Node root = YamlTree.read(file);
        if (!(root instanceof YamlTree.Mapping mapping)) {
            throw new InputFormatException(file, root == null ? 0 : root.line(),
                    "an inventory is a mapping with 'vms:' (and optionally 'nodes:')");
        }
        checkKeys(file, mapping, ROOT_FIELDS, "nodes or vms");
        List<Node> nodes = new ArrayList<>();
        Map<String, Integer> nodeLines = new HashMap<>();
        YamlTree.Node nodesNode = mapping.get("nodes");
        if (nodesNode != null) {
            for (YamlTree.Node item : items(file, nodesNode, "nodes")) {
                YamlTree.Mapping node = mapping(file, item, "a node");
                checkKeys(file, node, NODE_FIELDS, String.join(", ", List.of("name", "cpus", "memory_mib", "labels")));
                String name = name(file, node, "node");
                Integer previous = nodeLines.putIfAbsent(name, node.line());
                if (previous != null) {
                    throw new InputFormatException(file, line(node, "name"), "node name '" + name + "' is already used at "
                            + file + ":" + previous);
                }
                long cpus = positiveInteger(file, line(node, "cpus"), "cpus", required(file, node, "cpus"));
                long memory = positiveInteger(file, line(node, "memory_mib"), "memory_mib",
                        required(file, node, "memory_mib"));
                if (cpus > Integer.MAX_VALUE) {
                    throw new InputFormatException(file, line(node, "cpus"), "cpus '" + cpus + "' is too large");
                }
                labels(file, node.get("labels"));
                nodes.add(new Node(name, (int) cpus, memory));
            }
        }
        YamlTree.Node vmsNode = mapping.get("vms");
        if (vmsNode == null) {
            throw new InputFormatException(file, mapping.line(), "the inventory has no 'vms:'");
        }
        Checker checker = new Checker(file, nodes.isEmpty() ? null : nodeLines.keySet());
        for (YamlTree.Node item : items(file, vmsNode, "vms")) {
            YamlTree.Mapping vm = mapping(file, item, "a VM");
            checkKeys(file, vm, Set.copyOf(VM_FIELDS), String.join(", ", VM_FIELDS));
            String name = name(file, vm, "VM");
            checker.name(name, line(vm, "name"));
            YamlTree.Node ipsNode = required(file, vm, "ips");
            List<String> ips = new ArrayList<>();
            List<YamlTree.Node> ipNodes = ipsNode instanceof YamlTree.Sequence s ? s.items() : List.of(ipsNode);
            if (ipNodes.isEmpty()) {
                throw new InputFormatException(file, ipsNode.line(), "ips of VM " + name + " is empty; expected at least one address");
            }
            for (YamlTree.Node ip : ipNodes) {
                ips.add(checker.ip(name, ip.line(), scalar(file, ip, "ips")));
            }
            String host = scalar(file, required(file, vm, "host"), "host");
            checker.host(host, line(vm, "host"));
            long memory = positiveInteger(file, line(vm, "memory_mib"), "memory_mib", required(file, vm, "memory_mib"));
            double disk = nonNegativeNumber(file, line(vm, "disk_gib"), "disk_gib",
                    scalar(file, required(file, vm, "disk_gib"), "disk_gib"));
            OptionalDouble dirty = OptionalDouble.empty();
            YamlTree.Node dirtyNode = vm.get("dirty_mib_s");
            if (dirtyNode != null && !isNull(dirtyNode)) {
                dirty = OptionalDouble.of(nonNegativeNumber(file, dirtyNode.line(), "dirty_mib_s",
                        scalar(file, dirtyNode, "dirty_mib_s")));
            }
            List<String> tags = new ArrayList<>();
            YamlTree.Node tagsNode = vm.get("tags");
            if (tagsNode != null && !isNull(tagsNode)) {
                for (YamlTree.Node tag : tagsNode instanceof YamlTree.Sequence s ? s.items() : List.of(tagsNode)) {
                    tags.add(scalar(file, tag, "tags"));
                }
            }
            Optional<Criticality> criticality = Optional.empty();
            YamlTree.Node criticalityNode = vm.get("criticality");
            if (criticalityNode != null && !isNull(criticalityNode)) {
                criticality = Optional.of(criticality(file, criticalityNode.line(),
                        scalar(file, criticalityNode, "criticality")));
            }
            checker.vms.add(new Vm(name, ips, host, memory, disk, dirty, tags, criticality, labels(file, vm.get("labels"))));
        }
        return checker.inventory(nodes);
    }

    public static Inventory readCsv(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readCsv(in, file);
        } catch (CharacterCodingException e) {
            throw new InputFormatException(file, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Inventory readCsv(BufferedReader in, Path file) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new InputFormatException(file, 1, "the file is empty; expected the header "
                    + "'name,ips,host,memory_mib,disk_gib,dirty_mib_s,tags,criticality'");
        }
        List<String> columns = CsvLine.split(header.startsWith("\uFEFF") ? header.substring(1) : header);
        if (columns == null) {
            throw new InputFormatException(file, 1, "the header has a quote that is not closed");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            if (!VM_FIELDS.contains(column) || column.equals("labels")) {
                if (!column.startsWith("labels.") || column.length() == "labels.".length()) {
                    throw new InputFormatException(file, 1, "unknown column '" + column + "'; expected "
                            + String.join(", ", VM_FIELDS.subList(0, 8)) + " or labels.KEY");
                }
            }
            if (index.putIfAbsent(column, c) != null) {
                throw new InputFormatException(file, 1, "column '" + column + "' is repeated");
            }
        }
        for (String required : CSV_REQUIRED) {
            if (!index.containsKey(required)) {
                throw new InputFormatException(file, 1, "the header has no column '" + required + "'; expected at least "
                        + String.join(",", CSV_REQUIRED));
            }
        }
        Checker checker = new Checker(file, null);
        String line;
        int lineNumber = 1;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = CsvLine.split(line);
            if (fields == null) {
                throw new InputFormatException(file, lineNumber, "a quote is not closed");
            }
            if (fields.size() != columns.size()) {
                throw new InputFormatException(file, lineNumber, "the line has " + fields.size() + " fields; the header has "
                        + columns.size());
            }
            int at = lineNumber;
            String name = fields.get(index.get("name"));
            checkName(file, at, "VM", name);
            checker.name(name, at);
            List<String> ips = new ArrayList<>();
            for (String ip : split(fields.get(index.get("ips")))) {
                ips.add(checker.ip(name, at, ip));
            }
            if (ips.isEmpty()) {
                throw new InputFormatException(file, at, "ips of VM " + name + " is empty; expected at least one address");
            }
            String host = fields.get(index.get("host"));
            if (host.isEmpty()) {
                throw new InputFormatException(file, at, "host of VM " + name + " is empty");
            }
            long memory = positiveInteger(file, at, "memory_mib", new YamlTree.Scalar(fields.get(index.get("memory_mib")), at));
            double disk = nonNegativeNumber(file, at, "disk_gib", fields.get(index.get("disk_gib")));
            String dirtyText = optional(fields, index, "dirty_mib_s");
            OptionalDouble dirty = dirtyText.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(nonNegativeNumber(file, at, "dirty_mib_s", dirtyText));
            List<String> tags = split(optional(fields, index, "tags"));
            String criticalityText = optional(fields, index, "criticality");
            Optional<Criticality> criticality = criticalityText.isEmpty() ? Optional.empty()
                    : Optional.of(criticality(file, at, criticalityText));
            Map<String, String> labels = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> column : index.entrySet()) {
                if (column.getKey().startsWith("labels.") && !fields.get(column.getValue()).isEmpty()) {
                    labels.put(column.getKey().substring("labels.".length()), fields.get(column.getValue()));
                }
            }
            checker.vms.add(new Vm(name, ips, host, memory, disk, dirty, tags, criticality, labels));
        }
        return checker.inventory(List.of());
    }

    /** Remembers where each name and address was first seen, so a repeat names both lines. */
    private static final class Checker {
        private final Path file;
        private final Set<String> nodeNames;
        private final Map<String, Integer> nameLines = new HashMap<>();
        private final Map<String, String> ipOwners = new HashMap<>();
        private final Map<String, Integer> ipLines = new HashMap<>();
        private final IpParser parser = new IpParser();
        private final List<Vm> vms = new ArrayList<>();

        Checker(Path file, Set<String> nodeNames) {
            this.file = file;
            this.nodeNames = nodeNames;
        }

        void name(String name, int line) {
            Integer previous = nameLines.putIfAbsent(name, line);
            if (previous != null) {
                throw new InputFormatException(file, line, "VM name '" + name + "' is already used at " + file + ":" + previous);
            }
        }

        String ip(String vm, int line, String text) {
            int kind = parser.parse(text);
            if (kind == IpParser.INVALID) {
                throw new InputFormatException(file, line, "ips '" + text + "' of VM " + vm
                        + " is not an IPv4 or IPv6 address");
            }
            String canonical = parser.canonical(kind);
            String owner = ipOwners.putIfAbsent(canonical, vm);
            if (owner != null) {
                throw new InputFormatException(file, line, "IP " + canonical + " of VM " + vm + " is already the address of "
                        + owner + " at " + file + ":" + ipLines.get(canonical));
            }
            ipLines.put(canonical, line);
            return canonical;
        }

        void host(String host, int line) {
            if (nodeNames != null && !nodeNames.contains(host)) {
                throw new InputFormatException(file, line, "host '" + host + "' is not one of the listed nodes");
            }
        }

        Inventory inventory(List<Node> nodes) {
            return new Inventory(vms, nodes);
        }
    }

    private static List<String> split(String list) {
        List<String> parts = new ArrayList<>();
        for (String part : list.split(";", -1)) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    private static String optional(List<String> fields, Map<String, Integer> index, String column) {
        Integer c = index.get(column);
        return c == null ? "" : fields.get(c);
    }

    static void checkKeys(Path file, YamlTree.Mapping mapping, Set<String> allowed, String expected) {
        for (YamlTree.Entry entry : mapping.entries().values()) {
            if (!allowed.contains(entry.key())) {
                throw new InputFormatException(file, entry.line(), "unknown field '" + entry.key() + "'; expected "
                        + expected + " (free keys belong under labels:)");
            }
        }
    }

    static List<YamlTree.Node> items(Path file, YamlTree.Node node, String field) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof YamlTree.Sequence sequence)) {
            throw new InputFormatException(file, node.line(), field + " is not a list");
        }
        return sequence.items();
    }

    static YamlTree.Mapping mapping(Path file, YamlTree.Node node, String what) {
        if (!(node instanceof YamlTree.Mapping mapping)) {
            throw new InputFormatException(file, node.line(), "expected " + what + " (a mapping of fields)");
        }
        return mapping;
    }

    static YamlTree.Node required(Path file, YamlTree.Mapping mapping, String field) {
        YamlTree.Node node = mapping.get(field);
        if (node == null || isNull(node)) {
            throw new InputFormatException(file, node == null ? mapping.line() : node.line(), "the required field '"
                    + field + "' is missing");
        }
        return node;
    }

    static boolean isNull(YamlTree.Node node) {
        return node instanceof YamlTree.Scalar scalar && scalar.text() == null;
    }

    static String scalar(Path file, YamlTree.Node node, String field) {
        if (!(node instanceof YamlTree.Scalar scalar) || scalar.text() == null) {
            throw new InputFormatException(file, node.line(), field + " is not a single value");
        }
        return scalar.text().strip();
    }

    static int line(YamlTree.Mapping mapping, String field) {
        YamlTree.Entry entry = mapping.entries().get(field);
        return entry == null ? mapping.line() : entry.value().line();
    }

    private static String name(Path file, YamlTree.Mapping mapping, String what) {
        String name = scalar(file, required(file, mapping, "name"), "name");
        checkName(file, line(mapping, "name"), what, name);
        return name;
    }

    static void checkName(Path file, int line, String what, String name) {
        if (name.isEmpty()) {
            throw new InputFormatException(file, line, what + " name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i))) {
                throw new InputFormatException(file, line, what + " name '" + name + "' contains a space; names are "
                        + "vertex labels in edge lists and must be single tokens");
            }
        }
        if (name.startsWith("#")) {
            throw new InputFormatException(file, line, what + " name '" + name + "' starts with '#', which starts a comment "
                    + "in edge lists");
        }
    }

    private static long positiveInteger(Path file, int line, String field, YamlTree.Node node) {
        String text = scalar(file, node, field);
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, line, field + " '" + text + "' is not an integer; expected an integer > 0");
        }
        if (value < 0) {
            throw new InputFormatException(file, line, field + " '" + text + "' is negative; expected an integer > 0");
        }
        if (value == 0) {
            throw new InputFormatException(file, line, field + " '" + text + "' is zero; expected an integer > 0");
        }
        return value;
    }

    static double nonNegativeNumber(Path file, int line, String field, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (Double.isNaN(value) || Double.isInfinite(value) || !text.matches("[-+]?[0-9.eE+-]+")) {
            throw new InputFormatException(file, line, field + " '" + text + "' is not a number; expected a number ≥ 0");
        }
        if (value < 0) {
            throw new InputFormatException(file, line, field + " '" + text + "' is negative; expected a number ≥ 0");
        }
        return value + 0.0;
    }

    private static Criticality criticality(Path file, int line, String text) {
        Criticality criticality = Criticality.parse(text);
        if (criticality == null) {
            throw new InputFormatException(file, line, "criticality '" + text
                    + "' is not a criticality; expected low, medium, high or critical");
        }
        return criticality;
    }

    private static Map<String, String> labels(Path file, YamlTree.Node node) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node == null || isNull(node)) {
            return labels;
        }
        if (!(node instanceof YamlTree.Mapping mapping)) {
            throw new InputFormatException(file, node.line(), "labels is not a mapping of keys to values");
        }
        for (YamlTree.Entry entry : mapping.entries().values()) {
            YamlTree.Node value = entry.value();
            if (!(value instanceof YamlTree.Scalar scalar)) {
                throw new InputFormatException(file, value.line(), "label '" + entry.key() + "' is not a single value");
            }
            labels.put(entry.key(), scalar.text() == null ? "" : scalar.text());
        }
        return labels;
    }
}
