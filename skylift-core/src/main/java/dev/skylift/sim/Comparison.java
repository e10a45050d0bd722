package dev.skylift.sim;

import dev.skylift.graph.CommGraph;
import java.time.Duration;
import java.util.List;

/**
 * The result of running several strategies on one scenario: everything a table, a JSON document or
 * an HTML report needs. The graph is the one planned (labels are VM names, edge weight bytes/day),
 * so a report can draw it coloured by each strategy's order.
 *
 * @param graph      the estate's communication graph as planned
 * @param scenario   the scenario run (sizes, rules, planner, options)
 * @param runs       runs per randomized strategy
 * @param baseSeed   the seed every run's seed was derived from
 * @param strategies one result per strategy, in the order asked
 * @param verdict    which strategy is best, and by how much
 * @param elapsed    how long the comparison took
 */
public record Comparison(CommGraph graph, Scenario scenario, int runs, long baseSeed, List<StrategyResult> strategies,
                         Verdict verdict, Duration elapsed) {

    public Comparison {
        strategies = List.copyOf(strategies);
    }

    /** The result of the strategy of that name. */
    public StrategyResult strategy(String name) {
        return strategies.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the strategy " + name + " was not compared"));
    }
}
