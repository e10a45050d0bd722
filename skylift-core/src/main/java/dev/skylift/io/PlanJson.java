package dev.skylift.io;

import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.MigrationStep;
import dev.skylift.plan.Objective;
import dev.skylift.plan.PlanConstraints;
import dev.skylift.plan.PlanMetrics;
import dev.skylift.plan.PlannedMigration;
import dev.skylift.plan.PreCopy;
import dev.skylift.plan.WanModel;
import dev.skylift.traffic.AffinityRules.Precedence;
import dev.skylift.traffic.HubTreatment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A migration plan as a JSON file: what {@code skylift plan} writes and the executor reads to move
 * the VMs. The file says its format and version, the WAN and the concurrency it was planned for,
 * the objective and the ordering method, every step in start order (VM, its vertex in the estate's
 * graph, wave when moving in waves, start, cutover, downtime, bytes, live memory rounds and why they
 * ended; seconds from the start of the plan), the metrics predicted from those steps, and the
 * rules the plan obeys ({@code constraints}: before, together, the hub decisions), which the
 * executor must keep if it changes the plan as it runs. A file without {@code constraints} (written
 * before plans carried them) reads with none.
 *
 * <p>Reading checks the whole file before anything is returned: a missing or mistyped field, a
 * step that cuts over before it starts, a VM twice, vertices that are not 0..n−1, a plan with waves
 * on some steps only, a rule that names a VM the plan does not move or that its start order breaks,
 * all fail with an {@link InputFormatException} naming the file and the field ({@code steps[3].cutover}). Numbers are written so that they read back exactly: a plan read back
 * equals the plan written.
 */
public final class PlanJson {

    /** What the {@code format} field holds. */
    public static final String FORMAT = "skylift-plan";
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanJson() {
    }

    /** Writes {@code planned} to {@code file}. */
    public static void write(Path file, PlannedMigration planned) {
        try {
            Files.writeString(file, toJson(planned) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The plan as pretty-printed JSON text. */
    public static String toJson(PlannedMigration planned) {
        MigrationPlan plan = planned.plan();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode wan = root.putObject("wan");
        wan.put("bytesPerSecond", plan.wan().bytesPerSecond());
        wan.put("rtt", plan.wan().rtt().toString());
        if (plan.wan().streamBytesPerSecond().isPresent()) {
            wan.put("streamBytesPerSecond", plan.wan().streamBytesPerSecond().getAsDouble());
        } else {
            wan.putNull("streamBytesPerSecond");
        }
        root.put("concurrency", plan.concurrency());
        root.put("schedule", planned.inWaves() ? "waves" : "rolling-window");
        root.put("objective", planned.objective().label());
        root.put("method", planned.method());
        root.put("orderRepaired", plan.orderRepaired());
        PlanConstraints rules = planned.constraints();
        ObjectNode constraints = root.putObject("constraints");
        ArrayNode before = constraints.putArray("before");
        for (Precedence precedence : rules.before()) {
            before.addObject().put("first", precedence.first()).put("then", precedence.then());
        }
        ArrayNode together = constraints.putArray("together");
        for (List<String> group : rules.together()) {
            ArrayNode names = together.addArray();
            group.forEach(names::add);
        }
        ObjectNode hubs = constraints.putObject("hubs");
        rules.hubs().forEach((vm, treatment) -> hubs.put(vm, treatment.toString()));
        root.put("makespan", plan.makespan());
        root.put("makespanLowerBound", plan.makespanLowerBound());
        ArrayNode steps = root.putArray("steps");
        for (MigrationStep step : plan.steps()) {
            ObjectNode node = steps.addObject();
            node.put("vm", step.vm());
            node.put("vertex", step.vertex());
            if (step.wave().isPresent()) {
                node.put("wave", step.wave().getAsInt());
            }
            node.put("start", step.start());
            node.put("cutover", step.cutover());
            node.put("downtime", step.downtime());
            node.put("bytes", step.bytesSent());
            node.put("rounds", step.rounds());
            node.put("stopReason", label(step.stopReason()));
        }
        PlanMetrics metrics = planned.metrics();
        ObjectNode m = root.putObject("metrics");
        m.put("maxStretch", metrics.maxStretch());
        if (metrics.worstPair().isPresent()) {
            ObjectNode pair = m.putObject("worstPair");
            pair.put("a", metrics.worstPair().get().a());
            pair.put("b", metrics.worstPair().get().b());
            pair.put("stretch", metrics.worstPair().get().stretch());
        } else {
            m.putNull("worstPair");
        }
        m.put("exposureBytes", metrics.exposureBytes());
        m.put("peakRate", metrics.peakRate());
        m.put("peakTime", metrics.peakTime());
        m.put("maxDowntime", metrics.maxDowntime());
        m.put("makespan", metrics.makespan());
        m.put("makespanLowerBound", metrics.makespanLowerBound());
        ArrayNode curve = m.putArray("crossWanCurve");
        for (PlanMetrics.RatePoint point : metrics.crossWanCurve()) {
            curve.addArray().add(point.time()).add(point.rate());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** Reads a plan file, checking every field; fails naming the file and the field. */
    public static PlannedMigration read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
            String message = e.getOriginalMessage();
            int cut = message.indexOf('\n');
            throw new InputFormatException(file, line, "is not valid JSON: " + (cut > 0 ? message.substring(0, cut) : message));
        }
        return new Fields(file).plan(root);
    }

    private static String label(PreCopy.StopReason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads fields of one file, each failure naming the file and the field's path. */
    private record Fields(Path file) {

        PlannedMigration plan(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw fail("", "the file holds no JSON object; expected a plan written by skylift plan");
            }
            String format = text(root, "format");
            if (!format.equals(FORMAT)) {
                throw fail("format", "is '" + format + "', not '" + FORMAT + "'. Is this a plan file?");
            }
            int version = integer(root, "version", 1);
            if (version != VERSION) {
                throw fail("version", "is " + version + " but this skylift reads version " + VERSION
                        + ". Plan again with this skylift, or use the skylift that wrote it");
            }
            JsonNode wanNode = object(root, "wan");
            double bytesPerSecond = positive(wanNode, "wan.bytesPerSecond");
            Duration rtt = duration(wanNode, "wan.rtt");
            JsonNode cap = wanNode.get("streamBytesPerSecond");
            OptionalDouble streamCap = cap == null || cap.isNull()
                    ? OptionalDouble.empty() : OptionalDouble.of(positive(wanNode, "wan.streamBytesPerSecond"));
            var wan = new WanModel(bytesPerSecond, rtt, streamCap);
            int concurrency = integer(root, "concurrency", 1);
            String schedule = text(root, "schedule");
            if (!schedule.equals("waves") && !schedule.equals("rolling-window")) {
                throw fail("schedule", "is '" + schedule + "'; expected waves or rolling-window");
            }
            boolean waves = schedule.equals("waves");
            Objective objective;
            try {
                objective = Objective.parse(text(root, "objective"));
            } catch (IllegalArgumentException e) {
                throw fail("objective", e.getMessage());
            }
            String method = text(root, "method");
            boolean repaired = bool(root, "orderRepaired");
            double makespan = nonNegative(root, "makespan");
            double lowerBound = nonNegative(root, "makespanLowerBound");
            List<MigrationStep> steps = steps(array(root, "steps"), waves);
            var plan = new MigrationPlan(steps, makespan, lowerBound, repaired, wan, concurrency);
            PlanConstraints constraints = root.has("constraints") ? constraints(object(root, "constraints"), steps)
                    : PlanConstraints.none(); // files written before plans carried their rules
            return new PlannedMigration(plan, metrics(object(root, "metrics"), steps), objective, method, constraints);
        }

        /** The rules, naming only VMs of the plan, which its start order obeys. */
        private PlanConstraints constraints(JsonNode node, List<MigrationStep> steps) {
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < steps.size(); i++) {
                position.put(steps.get(i).vm(), i);
            }
            JsonNode beforeNode = array(node, "constraints.before");
            var before = new ArrayList<Precedence>(beforeNode.size());
            for (int i = 0; i < beforeNode.size(); i++) {
                String at = "constraints.before[" + i + "]";
                JsonNode rule = beforeNode.get(i);
                if (!rule.isObject()) {
                    throw fail(at, "is not an object; expected {\"first\": ..., \"then\": ...}");
                }
                String first = vm(rule.get("first"), at + ".first", position);
                String then = vm(rule.get("then"), at + ".then", position);
                if (position.get(first) > position.get(then)) {
                    throw fail(at, "says " + first + " moves before " + then + " but the steps start " + then + " first");
                }
                before.add(new Precedence(first, then));
            }
            JsonNode togetherNode = array(node, "constraints.together");
            var together = new ArrayList<List<String>>(togetherNode.size());
            for (int i = 0; i < togetherNode.size(); i++) {
                String at = "constraints.together[" + i + "]";
                JsonNode group = togetherNode.get(i);
                if (!group.isArray()) {
                    throw fail(at, "is " + group + "; expected an array of VM names");
                }
                var names = new ArrayList<String>(group.size());
                for (int j = 0; j < group.size(); j++) {
                    names.add(vm(group.get(j), at + "[" + j + "]", position));
                }
                together.add(names);
            }
            JsonNode hubsNode = object(node, "constraints.hubs");
            Map<String, HubTreatment> hubs = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> hub : hubsNode.properties()) {
                String at = "constraints.hubs." + hub.getKey();
                if (!position.containsKey(hub.getKey())) {
                    throw fail(at, "names a VM that is not in the steps");
                }
                HubTreatment treatment = hub.getValue().isString() ? HubTreatment.parse(hub.getValue().stringValue()) : null;
                if (treatment == null) {
                    throw fail(at, "is " + hub.getValue() + "; expected \"first\", \"last\", \"exclude\" or \"order\"");
                }
                hubs.put(hub.getKey(), treatment);
            }
            return new PlanConstraints(before, together, hubs);
        }

        private String vm(JsonNode value, String path, Map<String, Integer> position) {
            if (value == null || !value.isString()) {
                throw fail(path, "is " + (value == null ? "missing" : value) + "; expected the name of a VM of the steps");
            }
            String vm = value.stringValue();
            if (!position.containsKey(vm)) {
                throw fail(path, "names VM " + vm + ", which is not in the steps");
            }
            return vm;
        }

        private List<MigrationStep> steps(JsonNode array, boolean waves) {
            int n = array.size();
            var steps = new ArrayList<MigrationStep>(n);
            Set<String> names = new HashSet<>();
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n; i++) {
                String at = "steps[" + i + "]";
                JsonNode node = array.get(i);
                if (!node.isObject()) {
                    throw fail(at, "is not an object; expected {\"vm\": ..., \"start\": ..., ...}");
                }
                String vm = text(node, at + ".vm");
                if (vm.isEmpty() || !names.add(vm)) {
                    throw fail(at + ".vm", vm.isEmpty() ? "is empty" : "names VM " + vm + " a second time");
                }
                int vertex = integer(node, at + ".vertex", 0);
                if (vertex >= n || seen[vertex]) {
                    throw fail(at + ".vertex", "is " + vertex + ": the vertices must be 0.." + (n - 1) + ", each once");
                }
                seen[vertex] = true;
                OptionalInt wave = OptionalInt.empty();
                if (waves) {
                    wave = OptionalInt.of(integer(node, at + ".wave", 0));
                } else if (node.has("wave")) {
                    throw fail(at + ".wave", "is given but the schedule is rolling-window, which has no waves");
                }
                double start = nonNegative(node, at + ".start");
                double cutover = nonNegative(node, at + ".cutover");
                if (cutover < start) {
                    throw fail(at + ".cutover", "is " + cutover + ", before the start " + start);
                }
                double downtime = nonNegative(node, at + ".downtime");
                double bytes = nonNegative(node, at + ".bytes");
                int rounds = integer(node, at + ".rounds", 0);
                PreCopy.StopReason reason = stopReason(node, at + ".stopReason");
                steps.add(new MigrationStep(vm, vertex, start, cutover, downtime, bytes, rounds, reason, wave));
            }
            return steps;
        }

        private PlanMetrics metrics(JsonNode node, List<MigrationStep> steps) {
            double maxStretch = nonNegative(node, "metrics.maxStretch");
            JsonNode pairNode = node.get("worstPair");
            Optional<PlanMetrics.Pair> pair = Optional.empty();
            if (pairNode != null && !pairNode.isNull()) {
                if (!pairNode.isObject()) {
                    throw fail("metrics.worstPair", "is not an object; expected {\"a\": ..., \"b\": ..., \"stretch\": ...} or null");
                }
                pair = Optional.of(new PlanMetrics.Pair(text(pairNode, "metrics.worstPair.a"),
                        text(pairNode, "metrics.worstPair.b"), nonNegative(pairNode, "metrics.worstPair.stretch")));
            }
            double exposure = nonNegative(node, "metrics.exposureBytes");
            double peakRate = nonNegative(node, "metrics.peakRate");
            double peakTime = nonNegative(node, "metrics.peakTime");
            double makespan = nonNegative(node, "metrics.makespan");
            double lowerBound = nonNegative(node, "metrics.makespanLowerBound");
            JsonNode curveNode = array(node, "metrics.crossWanCurve");
            var curve = new ArrayList<PlanMetrics.RatePoint>(curveNode.size());
            for (int i = 0; i < curveNode.size(); i++) {
                JsonNode point = curveNode.get(i);
                String at = "metrics.crossWanCurve[" + i + "]";
                if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
                    throw fail(at, "is not a pair [time, rate] of numbers");
                }
                curve.add(new PlanMetrics.RatePoint(point.get(0).doubleValue(), point.get(1).doubleValue()));
            }
            Map<String, Double> downtimes = new LinkedHashMap<>();
            for (MigrationStep step : steps) {
                downtimes.put(step.vm(), step.downtime());
            }
            return new PlanMetrics(maxStretch, pair, exposure, peakRate, peakTime, curve, downtimes, makespan, lowerBound);
        }

        private PreCopy.StopReason stopReason(JsonNode node, String path) {
            String value = text(node, path);
            for (PreCopy.StopReason reason : PreCopy.StopReason.values()) {
                if (label(reason).equals(value)) {
                    return reason;
                }
            }
            throw fail(path, "is '" + value + "'; expected fits-downtime, not-converging or round-limit");
        }

        private JsonNode field(JsonNode node, String path) {
            JsonNode value = node.get(path.substring(path.lastIndexOf('.') + 1));
            if (value == null || value.isNull()) {
                throw fail(path, "is missing");
            }
            return value;
        }

        private String text(JsonNode node, String path) {
            JsonNode value = field(node, path);
            if (!value.isString()) {
                throw fail(path, "is " + value + "; expected a string");
            }
            return value.stringValue();
        }

        private boolean bool(JsonNode node, String path) {
            JsonNode value = field(node, path);
            if (!value.isBoolean()) {
                throw fail(path, "is " + value + "; expected true or false");
            }
            return value.booleanValue();
        }

        private int integer(JsonNode node, String path, int min) {
            JsonNode value = field(node, path);
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min) {
                throw fail(path, "is " + value + "; expected a whole number ≥ " + min);
            }
            return value.intValue();
        }

        private double nonNegative(JsonNode node, String path) {
            JsonNode value = field(node, path);
            if (!value.isNumber() || !(value.doubleValue() >= 0) || Double.isInfinite(value.doubleValue())) {
                throw fail(path, "is " + value + "; expected a number ≥ 0");
            }
            return value.doubleValue();
        }

        private double positive(JsonNode node, String path) {
            double value = nonNegative(node, path);
            if (value == 0) {
                throw fail(path, "is 0; expected a number > 0");
            }
            return value;
        }

        private Duration duration(JsonNode node, String path) {
            String value = text(node, path);
            try {
                Duration duration = Duration.parse(value);
                if (duration.isNegative()) {
                    throw fail(path, "is " + value + ", a negative duration");
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw fail(path, "is '" + value + "'; expected an ISO-8601 duration such as PT0.04S");
            }
        }

        private JsonNode object(JsonNode node, String path) {
            JsonNode value = field(node, path);
            if (!value.isObject()) {
                throw fail(path, "is " + value + "; expected an object");
            }
            return value;
        }

        private JsonNode array(JsonNode node, String path) {
            JsonNode value = field(node, path);
            if (!value.isArray()) {
                throw fail(path, "is " + value + "; expected an array");
            }
            return value;
        }

        private InputFormatException fail(String path, String message) {
            return new InputFormatException(file, 0, (path.isEmpty() ? "" : "field " + path + " ") + message);
        }
    }
}
