package dev.skylift.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ordering methods users pick by name ({@code --method}), in the manner of a policy registry:
 * each name maps to a fresh orderer. {@code auto} picks the method per component.
 */
public final class Orderers {

    private static final Map<String, Supplier<Orderer>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("auto", AutoOrderer::new);
        BY_NAME.put("rcm", CuthillMcKee::reverse);
        BY_NAME.put("cm", CuthillMcKee::forward);
        BY_NAME.put("search", BandwidthSearch::new);
        BY_NAME.put("exact", ExactBandwidth::new);
        BY_NAME.put("interval", IntervalBandwidth::new);
    }

    private Orderers() {
    }

    /** The method of that name; fails naming the known ones. */
    public static Orderer byName(String name) {
        Supplier<Orderer> factory = BY_NAME.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown ordering method '" + name + "'; known: " + names());
        }
        return factory.get();
    }

    /** The names, {@code auto} first. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
