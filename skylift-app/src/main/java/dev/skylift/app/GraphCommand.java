package dev.skylift.app;

import dev.skylift.graph.CommGraph;
import dev.skylift.inventory.Inventory;
import dev.skylift.io.AffinityReader;
import dev.skylift.io.FlowReaders;
import dev.skylift.io.InventoryReader;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.EstateGraph;
import dev.skylift.traffic.FlowAggregator;
import dev.skylift.traffic.Hub;
import dev.skylift.traffic.HubTreatment;
import dev.skylift.traffic.SharedServiceInspector;
import dev.skylift.traffic.Weight;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skylift graph}: builds the communication graph of an estate from its inventory, flow
 * records and affinity rules, shows what went into it, and writes it as JSON, as an edge list that
 * {@code skylift order --graph} reads, and as a picture.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Builds the communication graph of an estate from its inventory, flow records and affinity rules.",
                "Flow formats: csv (ours: start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets), vpc (AWS VPC "
                        + "Flow Logs v2), azure-migrate (dependency export), nfdump (nfdump -o csv); .gz is read transparently."})
final class GraphCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--inventory", required = true, paramLabel = "FILE", description = "The inventory: YAML, or CSV (.csv).")
    private Path inventoryFile;

    @Option(names = "--flows", paramLabel = "FILE", description = "Flow records; repeat for several files.")
    private List<Path> flowFiles = new ArrayList<>();

    @Option(names = "--flows-format", paramLabel = "FORMAT",
            description = "csv, vpc, azure-migrate or nfdump (default: detected from each file's first line).")
    private String flowsFormat;

    @Option(names = "--affinity", paramLabel = "FILE", description = "Affinity rules (YAML).")
    private Path affinityFile;

    @Option(names = "--weight", paramLabel = "MEASURE",
            description = "bytes, packets or flows (default: bytes; flows when no input carries bytes).")
    private String weightName;

    @Option(names = "--affinity-weight", defaultValue = "1", paramLabel = "SCALE",
            description = "Multiplies affinity weights before they are added to observed ones (default: ${DEFAULT-VALUE}: "
                    + "affinity weights are in the unit of --weight).")
    private double affinityScale;

    @Option(names = "--skip-bad-lines", description = "Count and report malformed flow lines instead of stopping at the first.")
    private boolean skipBadLines;

    @Option(names = "--keep-rejected", description = "Add VPC REJECT records to the graph (default: counted apart).")
    private boolean keepRejected;

    @Option(names = "--hub", paramLabel = "NAME=DECISION",
            description = "What to do with a hub: order, first, last or exclude; repeatable (default: report only).")
    private Map<String, String> hubOptions = new LinkedHashMap<>();

    @Option(names = "--hub-degree-share", defaultValue = "0.30", paramLabel = "SHARE",
            description = "A VM talking to at least this share of the others is a hub (default: ${DEFAULT-VALUE}).")
    private double hubDegreeShare;

    @Option(names = "--hub-traffic-share", defaultValue = "0.20", paramLabel = "SHARE",
            description = "A VM touching at least this share of the total weight is a hub (default: ${DEFAULT-VALUE}).")
    private double hubTrafficShare;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the graph as JSON.")
    private Path jsonFile;

    @Option(names = "--edges", paramLabel = "FILE", description = "Write the graph to order as an edge list (skylift order --graph FILE).")
    private Path edgesFile;

    @Option(names = "--svg", paramLabel = "FILE", description = "Draw the graph as SVG (Graphviz sfdp when installed, else a Java layout).")
    private Path svgFile;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "Heaviest pairs to show (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the Java layout (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        if (flowFiles.isEmpty() && affinityFile == null) {
            throw new IllegalArgumentException("give --flows FILE (one or more) or --affinity FILE, or both");
        }
        FlowReaders.Format forced = flowsFormat == null ? null : FlowReaders.Format.parse(flowsFormat);
        var thresholds = new SharedServiceInspector.Thresholds(hubDegreeShare, hubTrafficShare,
                SharedServiceInspector.Thresholds.defaults().minVms());
        long started = System.nanoTime();
        Inventory inventory = InventoryReader.read(inventoryFile);
        AffinityRules rules = affinityFile == null ? AffinityRules.none() : AffinityReader.read(affinityFile, inventory);
        Map<String, HubTreatment> decisions = decisions(inventory, rules);
        Estate estate = Estate.read(inventory, rules, flowFiles, forced, skipBadLines, keepRejected,
                weightName == null ? null : Weight.parse(weightName), affinityScale);
        EstateGraph graph = estate.graph();
        List<GraphOutput.Source> sources = estate.sources();
        List<Hub> hubs = SharedServiceInspector.hubs(graph, thresholds);
        CommGraph ordered = graph.orderedGraph(decisions);
        double seconds = (System.nanoTime() - started) / 1e9;

        var report = new GraphOutput(inventoryFile.toString(), sources, graph, hubs, decisions, thresholds);
        PrintWriter out = spec.commandLine().getOut();
        report.printSummary(out, seconds, top);
        if (jsonFile != null) {
            report.writeJson(jsonFile);
            out.printf("wrote       %s (JSON)%n", jsonFile);
        }
        if (edgesFile != null) {
            report.writeEdges(edgesFile, ordered);
            out.printf("wrote       %s (edge list of the %,d VMs to order: skylift order --graph %s)%n", edgesFile,
                    ordered.vertexCount(), edgesFile);
        }
        if (svgFile != null) {
            String how = GraphPicture.write(graph, hubs, decisions, svgFile, seed);
            out.printf("wrote       %s (%s)%n", svgFile, how);
        }
        out.flush();
        return 0;
    }

    /** An estate's graph built from its flow files: what {@code graph} and {@code demo} both start from. */
    record Estate(EstateGraph graph, List<GraphOutput.Source> sources) {

        /**
         * Reads every flow file (in the given format, or the detected one) and merges the rules.
         * The weight is bytes, or flows when no input carries bytes, unless given.
         */
        static Estate read(Inventory inventory, AffinityRules rules, List<Path> flowFiles, FlowReaders.Format format,
                           boolean skipBadLines, boolean keepRejected, Weight weight, double affinityScale) {
            List<GraphOutput.Source> sources = new ArrayList<>();
            FlowAggregator aggregator = new FlowAggregator(inventory, skipBadLines, keepRejected);
            boolean anyBytes = false;
            for (Path file : flowFiles) {
                FlowReaders.Format fileFormat = format != null ? format : FlowReaders.detect(file);
                anyBytes |= fileFormat.hasBytes();
                FlowReaders.read(file, fileFormat, aggregator);
                sources.add(new GraphOutput.Source(file.toString(), fileFormat.toString()));
            }
            Weight chosen = weight != null ? weight : (flowFiles.isEmpty() || anyBytes ? Weight.BYTES : Weight.FLOWS);
            return new Estate(EstateGraph.of(aggregator, rules, chosen, affinityScale), sources);
        }
    }

    /** The affinity file's hub decisions, overridden by --hub options. */
    private Map<String, HubTreatment> decisions(Inventory inventory, AffinityRules rules) {
        Map<String, HubTreatment> decisions = new LinkedHashMap<>(rules.hubs());
        for (Map.Entry<String, String> option : hubOptions.entrySet()) {
            if (inventory.indexOf(option.getKey()) < 0) {
                throw new IllegalArgumentException("--hub " + option.getKey() + "=" + option.getValue()
                        + ": no VM of the inventory is called " + option.getKey());
            }
            HubTreatment treatment = HubTreatment.parse(option.getValue());
            if (treatment == null) {
                throw new IllegalArgumentException("--hub " + option.getKey() + "=" + option.getValue()
                        + ": the decision must be order, first, last or exclude");
            }
            decisions.put(option.getKey(), treatment);
        }
        return decisions;
    }
}
