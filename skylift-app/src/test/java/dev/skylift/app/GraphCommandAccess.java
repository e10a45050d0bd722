package dev.skylift.app;

import dev.skylift.inventory.Inventory;
import dev.skylift.io.FlowReaders;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.EstateGraph;
import dev.skylift.traffic.Weight;
import java.nio.file.Path;
import java.util.List;

/** Lets tests in other packages read an estate the way {@code skylift graph} and the demo do. */
public final class GraphCommandAccess {

    private GraphCommandAccess() {
    }

    /** The estate graph of one flow CSV file, weighted by bytes, with the rules merged. */
    public static EstateGraph sampleGraph(Inventory inventory, AffinityRules rules, Path flowsCsv) {
        return GraphCommand.Estate.read(inventory, rules, List.of(flowsCsv), FlowReaders.Format.CSV, false, false,
                Weight.BYTES, 1).graph();
    }
}
