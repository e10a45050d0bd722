package dev.skylift.sim;

import java.util.Optional;

/**
 * An online strategy's results over the best offline strategy's, per run (1 = as good as knowing
 * the graph; higher is worse). Each metric is compared with the offline strategy whose median is
 * best on it; a ratio is absent when that best value is 0 (nothing to divide by).
 *
 * @param stretchAgainst  the offline strategy best on max stretch
 * @param stretch         the spread of the online max stretch over it
 * @param exposureAgainst the offline strategy best on exposure
 * @param exposure        the spread of the online exposure over it
 */
public record CompetitiveRatio(String stretchAgainst, Optional<Spread> stretch, String exposureAgainst,
                               Optional<Spread> exposure) {
}
