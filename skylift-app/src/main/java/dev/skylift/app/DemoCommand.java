package dev.skylift.app;

import dev.skylift.graph.CommGraph;
import dev.skylift.inventory.Inventory;
import dev.skylift.io.AffinityReader;
import dev.skylift.io.FlowReaders;
import dev.skylift.io.InventoryReader;
import dev.skylift.order.Orderers;
import dev.skylift.order.Ordering;
import dev.skylift.order.OrderingOptions;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.EstateGraph;
import dev.skylift.traffic.Hub;
import dev.skylift.traffic.HubTreatment;
import dev.skylift.traffic.SharedServiceInspector;
import dev.skylift.traffic.Weight;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code skylift demo}: the main job on the bundled sample estate — its inventory, a day of flow
 * records and the operator's affinity rules become the communication graph, hubs are reported and
 * decided as the rules say, and the VMs left are ordered. The files are copied out of the jar and
 * read by the very code {@code skylift graph} and {@code skylift order} use.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Builds the bundled sample estate's communication graph from its flow records and orders its migration.")
final class DemoCommand implements Callable<Integer> {

    static final String ESTATE = "examples/estate";
    static final List<String> FILES = List.of("inventory.yaml", "flows.csv.gz", "affinity.yaml");
    /** Time for the ordering: the demo should answer within a quarter of a minute. */
    static final Duration ORDER_TIME = Duration.ofSeconds(8);

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("skylift-demo");
        try {
            for (String name : FILES) {
                copyOut(ESTATE + "/" + name, dir.resolve(name));
            }
            run(dir);
        } finally {
            for (String name : FILES) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
        return 0;
    }

    private void run(Path dir) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Skylift demo: the bundled sample estate (" + ESTATE + "): an inventory, a day of flow records");
        out.println("and the operator's affinity rules become the communication graph; then the migration is ordered.");
        out.println();
        long started = System.nanoTime();
        Inventory inventory = InventoryReader.read(dir.resolve("inventory.yaml"));
        AffinityRules rules = AffinityReader.read(dir.resolve("affinity.yaml"), inventory);
        Path flows = dir.resolve("flows.csv.gz");
        GraphCommand.Estate read = GraphCommand.Estate.read(inventory, rules, List.of(flows), FlowReaders.Format.CSV,
                false, false, Weight.BYTES, 1);
        EstateGraph estate = read.graph();
        var thresholds = SharedServiceInspector.Thresholds.defaults();
        List<Hub> hubs = SharedServiceInspector.hubs(estate, thresholds);
        Map<String, HubTreatment> decisions = rules.hubs();
        double seconds = (System.nanoTime() - started) / 1e9;
        var report = new GraphOutput(ESTATE + "/inventory.yaml",
                List.of(new GraphOutput.Source(ESTATE + "/flows.csv.gz", FlowReaders.Format.CSV.toString())),
                estate, hubs, decisions, thresholds);
        report.printSummary(out, seconds, 5);
        out.println();

        CommGraph graph = estate.orderedGraph(decisions);
        out.printf("Ordering the %d VMs left once the rules' hub decisions apply (%s):%n", graph.vertexCount(),
                describe(decisions));
        out.flush();
        Ordering ordering = Orderers.byName("auto").order(graph, OrderingOptions.defaults().withTimeLimit(ORDER_TIME));
        OrderOutput.printText(out, "the sample estate", "auto", graph, ordering, graph.vertexCount());
        out.println();
        out.println("Try: ./skylift graph --inventory " + ESTATE + "/inventory.yaml --flows " + ESTATE
                + "/flows.csv.gz --affinity " + ESTATE + "/affinity.yaml --edges estate.edges --svg estate.svg");
        out.println("     ./skylift order --graph estate.edges --json");
        out.flush();
    }

    private static String describe(Map<String, HubTreatment> decisions) {
        return decisions.entrySet().stream()
                .filter(e -> e.getValue() != HubTreatment.ORDER)
                .collect(Collectors.groupingBy(e -> e.getValue().toString().toLowerCase(java.util.Locale.ROOT),
                        java.util.TreeMap::new, Collectors.mapping(Map.Entry::getKey, Collectors.joining(", "))))
                .entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }

    private static void copyOut(String resource, Path target) {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the sample " + resource + " is missing from the jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
