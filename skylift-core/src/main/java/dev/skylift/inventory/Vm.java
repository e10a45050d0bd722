package dev.skylift.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One VM of the estate, as the inventory describes it: what it is called, where it answers, where it
 * runs and how big it is, which the planner needs to time its move.
 *
 * @param name        unique in the inventory; no spaces (it is a vertex label in edge lists)
 * @param ips         its addresses in canonical form (dotted IPv4, RFC 5952 IPv6), at least one
 * @param host        the private node it runs on
 * @param memoryMib   memory in MiB, &gt; 0
 * @param diskGib     used disk in GiB, ≥ 0
 * @param dirtyMibPerSecond the page-dirty rate in MiB/s, when known
 * @param tags        free tags
 * @param criticality how much the business depends on it, when given
 * @param labels      free key-value pairs (the inventory's {@code labels:})
 */
public record Vm(String name, List<String> ips, String host, long memoryMib, double diskGib,
                 OptionalDouble dirtyMibPerSecond, List<String> tags, Optional<Criticality> criticality,
                 Map<String, String> labels) {

    public Vm {
        ips = List.copyOf(ips);
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
    }
}
