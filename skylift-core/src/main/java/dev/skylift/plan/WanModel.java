package dev.skylift.plan;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link between the private cluster and the public cloud as the planner sees it: a throughput
 * shared by every transfer in flight, a round-trip time paid once per cutover (the commit
 * handshake), and optionally a cap on a single stream (what one TCP connection reaches over a long
 * fat pipe). The parse helpers read the strings operators type: {@code 1Gbps}, {@code 100Mbps},
 * {@code 125MB/s}, {@code 40ms}.
 *
 * @param bytesPerSecond       the total throughput in bytes per second, finite and &gt; 0
 * @param rtt                  the round-trip time, ≥ 0
 * @param streamBytesPerSecond the most one transfer can reach in bytes per second, when capped
 */
public record WanModel(double bytesPerSecond, Duration rtt, OptionalDouble streamBytesPerSecond) {

    private static final Pattern QUANTITY =
            Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*([A-Za-zµ/]+)\\s*");

    private static final Map<String, Double> BIT_PREFIXES =
            Map.of("", 1.0, "k", 1e3, "m", 1e6, "g", 1e9, "t", 1e12);

    private static final Map<String, Double> BYTE_UNITS = Map.ofEntries(
            Map.entry("B/s", 1.0), Map.entry("kB/s", 1e3), Map.entry("KB/s", 1e3), Map.entry("MB/s", 1e6),
            Map.entry("GB/s", 1e9), Map.entry("TB/s", 1e12), Map.entry("KiB/s", 1024.0),
            Map.entry("MiB/s", 1024.0 * 1024), Map.entry("GiB/s", 1024.0 * 1024 * 1024),
            Map.entry("TiB/s", 1024.0 * 1024 * 1024 * 1024));

    private static final Map<String, Double> SECONDS_PER_UNIT = Map.of(
            "ns", 1e-9, "us", 1e-6, "µs", 1e-6, "ms", 1e-3, "s", 1.0, "m", 60.0, "min", 60.0, "h", 3600.0);

    public WanModel {
        if (!(bytesPerSecond > 0) || Double.isInfinite(bytesPerSecond)) {
            throw new IllegalArgumentException("the WAN throughput " + bytesPerSecond
                    + " bytes/s is not a finite positive number. Maybe the link was given in the wrong unit?");
        }
        if (rtt == null || rtt.isNegative()) {
            throw new IllegalArgumentException("the WAN round-trip time " + rtt + " is negative or missing");
        }
        if (streamBytesPerSecond == null) {
            streamBytesPerSecond = OptionalDouble.empty();
        }
        if (streamBytesPerSecond.isPresent()) {
            double cap = streamBytesPerSecond.getAsDouble();
            if (!(cap > 0) || Double.isInfinite(cap)) {
                throw new IllegalArgumentException("the per-stream cap " + cap
                        + " bytes/s is not a finite positive number. Leave it out for no cap");
            }
        }
    }

    /** A link of the given throughput and round-trip time and no per-stream cap. */
    public static WanModel of(double bytesPerSecond, Duration rtt) {
        return new WanModel(bytesPerSecond, rtt, OptionalDouble.empty());
    }

    /** The same link with each stream capped at {@code bytesPerSecond}. */
    public WanModel withStreamCap(double bytesPerSecond) {
        return new WanModel(this.bytesPerSecond, rtt, OptionalDouble.of(bytesPerSecond));
    }

    /**
     * Reads a link from the strings an operator types: throughput ({@code 1Gbps}), round-trip time
     * ({@code 40ms}) and a per-stream cap ({@code 200Mbps}) or null for none.
     */
    public static WanModel parse(String throughput, String rtt, String streamCap) {
        var cap = streamCap == null || streamCap.isBlank()
                ? OptionalDouble.empty() : OptionalDouble.of(parseRate(streamCap));
        return new WanModel(parseRate(throughput), parseDuration(rtt), cap);
    }

    /**
     * The rate a string names, in bytes per second. Bits per second with a decimal prefix
     * ({@code 100Mbps}, {@code 1Gbps}, {@code 10gbps}) or bytes per second ({@code 125MB/s},
     * {@code 1GiB/s}).
     */
    public static double parseRate(String text) {
        Matcher m = match(text, "rate", "1Gbps, 100Mbps or 125MB/s");
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        double bytes;
        String lower = unit.toLowerCase(Locale.ROOT);
        if (lower.endsWith("bps") && !unit.endsWith("Bps") && BIT_PREFIXES.containsKey(lower.substring(0, lower.length() - 3))) {
            bytes = value * BIT_PREFIXES.get(lower.substring(0, lower.length() - 3)) / 8;
        } else if (BYTE_UNITS.containsKey(unit)) {
            bytes = value * BYTE_UNITS.get(unit);
        } else {
            throw new IllegalArgumentException("the rate \"" + text + "\" has the unknown unit \"" + unit
                    + "\". Use bits per second (100Mbps, 1Gbps, 10Gbps) or bytes per second (125MB/s, 1GiB/s)");
        }
        if (!(bytes > 0) || Double.isInfinite(bytes)) {
            throw new IllegalArgumentException("the rate \"" + text + "\" is not positive. A link moves some bytes");
        }
        return bytes;
    }

    /** The duration a string names: {@code 40ms}, {@code 0.5s}, {@code 250us}, {@code 2min}, {@code 1h}. */
    public static Duration parseDuration(String text) {
        Matcher m = match(text, "duration", "40ms, 0.5s or 250us");
        double value = Double.parseDouble(m.group(1));
        Double unit = SECONDS_PER_UNIT.get(m.group(2));
        if (unit == null) {
            throw new IllegalArgumentException("the duration \"" + text + "\" has the unknown unit \"" + m.group(2)
                    + "\". Use ns, us, ms, s, min or h, as in 40ms");
        }
        double nanos = Math.rint(value * unit * 1e9);
        if (nanos > Long.MAX_VALUE) {
            throw new IllegalArgumentException("the duration \"" + text + "\" is too long to plan with");
        }
        return Duration.ofNanos((long) nanos);
    }

    private static Matcher match(String text, String what, String example) {
        if (text == null) {
            throw new IllegalArgumentException("no " + what + " given. Write it as " + example);
        }
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("the " + what + " \"" + text + "\" is not a number followed by a unit."
                    + " Write it as " + example);
        }
        return m;
    }

    /** The round-trip time in seconds. */
    public double rttSeconds() {
        return rtt.toNanos() / 1e9;
    }

    /** The rate each of {@code streams} concurrent transfers gets: an equal share, capped per stream. */
    public double share(int streams) {
        double equal = bytesPerSecond / streams;
        return streamBytesPerSecond.isPresent() ? Math.min(equal, streamBytesPerSecond.getAsDouble()) : equal;
    }
}
