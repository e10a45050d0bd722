package dev.skylift.sim;

import java.util.OptionalDouble;

/**
 * The comparison in one line: the strategy with the lowest median max stretch and the one with the
 * lowest median exposure, and how many times lower than random's median each is (absent when
 * random was not compared or the best is 0).
 *
 * @param bestStretch      the strategy best on max stretch
 * @param stretch          its median max stretch, seconds
 * @param stretchFactor    random's median max stretch over it
 * @param bestExposure     the strategy best on exposure
 * @param exposure         its median exposure, bytes
 * @param exposureFactor   random's median exposure over it
 */
public record Verdict(String bestStretch, double stretch, OptionalDouble stretchFactor, String bestExposure,
                      double exposure, OptionalDouble exposureFactor) {
}
