package dev.skylift.app;

import dev.skylift.graph.CommGraph;
import dev.skylift.io.EdgeListReader;
import dev.skylift.order.Orderers;
import dev.skylift.order.Ordering;
import dev.skylift.order.OrderingOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code skylift demo}: the main job on the bundled sample estate. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Orders the bundled sample estate's communication graph and shows the result.")
final class DemoCommand implements Callable<Integer> {

    static final String SAMPLE = "examples/sample-graph.edges";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        CommGraph graph = readSample();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Skylift demo: ordering the migration of the bundled sample estate (" + SAMPLE + ").");
        out.println();
        Ordering ordering = Orderers.byName("auto").order(graph, OrderingOptions.defaults());
        OrderOutput.printText(out, SAMPLE, "auto", graph, ordering);
        out.println();
        out.println("Try: ./skylift order --graph " + SAMPLE + " --json");
        out.flush();
        return 0;
    }

    private static CommGraph readSample() {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the sample " + SAMPLE + " is missing from the jar");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return EdgeListReader.read(reader, Path.of(SAMPLE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
