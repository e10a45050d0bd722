package dev.skylift.app.report;

import dev.skylift.sim.Comparison;
import dev.skylift.sim.CompetitiveRatio;
import dev.skylift.sim.Spread;
import dev.skylift.sim.StrategyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report of a strategy comparison: each strategy's representative plan and spreads as the
 * simulator measured them, the online strategies' competitive ratios, and the strategy best on max
 * stretch drawn first.
 */
public final class ComparisonReport {

    private ComparisonReport() {
    }

    /**
     * The report model of {@code comparison}.
     *
     * @param comparison  what the simulator found
     * @param description one line about the estate, e.g. "the bundled sample estate"
     * @param sources     the files the estate was read from, as the user named them
     * @param verdict     the comparison's verdict in one sentence
     */
    public static ReportModel of(Comparison comparison, String description, List<String> sources, String verdict) {
        List<ReportModel.Strategy> strategies = new ArrayList<>();
        for (StrategyResult result : comparison.strategies()) {
            strategies.add(new ReportModel.Strategy(result.name(), result.randomized(), result.plan(), result.metrics(),
                    result.maxStretch(), result.exposure(), result.peak(), result.makespan(), result.runs().size(),
                    ratios(result.competitive())));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("runs of each randomized strategy", Integer.toString(comparison.runs()));
        settings.put("base seed", Long.toString(comparison.baseSeed()));
        settings.put("ordering search time", comparison.scenario().options().timeLimit().toMillis() / 1000.0 + " s");
        return new ReportModel("Skylift migration report", ReportModel.Estate.of(description, comparison.graph(), sources),
                comparison.graph(), strategies, comparison.verdict().bestStretch(), verdict, settings);
    }

    private static List<ReportModel.CompetitiveRatio> ratios(Optional<CompetitiveRatio> competitive) {
        List<ReportModel.CompetitiveRatio> ratios = new ArrayList<>();
        competitive.ifPresent(ratio -> {
            ratio.stretch().ifPresent(spread -> ratios.add(ratio("max stretch", ratio.stretchAgainst(), spread)));
            ratio.exposure().ifPresent(spread -> ratios.add(ratio("exposure", ratio.exposureAgainst(), spread)));
        });
        return ratios;
    }

    private static ReportModel.CompetitiveRatio ratio(String objective, String against, Spread spread) {
        return new ReportModel.CompetitiveRatio(objective, against, spread);
    }
}
