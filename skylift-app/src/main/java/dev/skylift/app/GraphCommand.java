package dev.skylift.app;

import dev.skylift.graph.CommGraph;
import dev.skylift.inventory.Inventory;
import dev.skylift.io.FlowReaders;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    private EstateOptions estateOptions;

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
        var thresholds = new SharedServiceInspector.Thresholds(hubDegreeShare, hubTrafficShare,
                SharedServiceInspector.Thresholds.defaults().minVms());
        long started = System.nanoTime();
        EstateOptions.Input input = estateOptions.read();
        Map<String, HubTreatment> decisions = input.decisions();
        Estate estate = input.estate();
        EstateGraph graph = estate.graph();
        List<GraphOutput.Source> sources = estate.sources();
        List<Hub> hubs = SharedServiceInspector.hubs(graph, thresholds);
        CommGraph ordered = graph.orderedGraph(decisions);
        double seconds = (System.nanoTime() - started) / 1e9;

        var report = new GraphOutput(estateOptions.inventoryFile.toString(), sources, graph, hubs, decisions, thresholds);
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
}
