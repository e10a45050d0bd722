package dev.skylift.app;

import dev.skylift.graph.VertexLabels;
import dev.skylift.inventory.Inventory;
import dev.skylift.io.AffinityReader;
import dev.skylift.io.FlowReaders;
import dev.skylift.io.InventoryReader;
import dev.skylift.plan.VmSize;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.HubTreatment;
import dev.skylift.traffic.Weight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options that say which estate a command works on (inventory, flow records, affinity rules,
 * how flows become weights, what to do with hubs), shared as a picocli mixin by every command that
 * reads an estate, so they are spelled, checked and read the same way everywhere.
 */
final class EstateOptions {

    @Option(names = "--inventory", required = true, paramLabel = "FILE", description = "The inventory: YAML, or CSV (.csv).")
    Path inventoryFile;

    @Option(names = "--flows", paramLabel = "FILE", description = "Flow records; repeat for several files.")
    List<Path> flowFiles = new ArrayList<>();

    @Option(names = "--flows-format", paramLabel = "FORMAT",
            description = "csv, vpc, azure-migrate or nfdump (default: detected from each file's first line).")
    String flowsFormat;

    @Option(names = "--affinity", paramLabel = "FILE", description = "Affinity rules (YAML).")
    Path affinityFile;

    @Option(names = "--weight", paramLabel = "MEASURE",
            description = "bytes, packets or flows (default: bytes; flows when no input carries bytes).")
    String weightName;

    @Option(names = "--affinity-weight", defaultValue = "1", paramLabel = "SCALE",
            description = "Multiplies affinity weights before they are added to observed ones (default: ${DEFAULT-VALUE}: "
                    + "affinity weights are in the unit of --weight).")
    double affinityScale;

    @Option(names = "--skip-bad-lines", description = "Count and report malformed flow lines instead of stopping at the first.")
    boolean skipBadLines;

    @Option(names = "--keep-rejected", description = "Add VPC REJECT records to the graph (default: counted apart).")
    boolean keepRejected;

    @Option(names = "--hub", paramLabel = "NAME=DECISION",
            description = "What to do with a hub: order, first, last or exclude; repeatable (default: the affinity rules' "
                    + "hubs section, else report only).")
    Map<String, String> hubOptions = new LinkedHashMap<>();

    /** An estate as read: the inventory, the rules, the hub decisions (file and options) and the graph. */
    record Input(Inventory inventory, AffinityRules rules, Map<String, HubTreatment> decisions,
                 GraphCommand.Estate estate) {

        /** The size of every VM {@code labels} names, in label order, from the inventory. */
        List<VmSize> sizes(VertexLabels labels) {
            List<VmSize> sizes = new ArrayList<>(labels.size());
            for (int v = 0; v < labels.size(); v++) {
                sizes.add(VmSize.of(inventory.vm(inventory.indexOf(labels.label(v)))));
            }
            return sizes;
        }
    }

    /** The files the estate is read from, as the user named them: inventory, flows, affinity rules. */
    List<String> sources() {
        List<String> sources = new ArrayList<>();
        sources.add(inventoryFile.toString());
        flowFiles.forEach(file -> sources.add(file.toString()));
        if (affinityFile != null) {
            sources.add(affinityFile.toString());
        }
        return sources;
    }

    /** Reads the estate; the hub options are checked against the inventory before any flow file is read. */
    Input read() {
        if (flowFiles.isEmpty() && affinityFile == null) {
            throw new IllegalArgumentException("give --flows FILE (one or more) or --affinity FILE, or both");
        }
        FlowReaders.Format forced = flowsFormat == null ? null : FlowReaders.Format.parse(flowsFormat);
        Inventory inventory = InventoryReader.read(inventoryFile);
        AffinityRules rules = affinityFile == null ? AffinityRules.none() : AffinityReader.read(affinityFile, inventory);
        Map<String, HubTreatment> decisions = decisions(inventory, rules);
        GraphCommand.Estate estate = GraphCommand.Estate.read(inventory, rules, flowFiles, forced, skipBadLines,
                keepRejected, weightName == null ? null : Weight.parse(weightName), affinityScale);
        return new Input(inventory, rules, decisions, estate);
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
