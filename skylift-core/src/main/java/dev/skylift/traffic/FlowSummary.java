package dev.skylift.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the flow readers saw, for the operator to judge how far to trust the graph: how many records
 * were read and where each went. Every record read is counted in exactly one of {@code mapped},
 * {@code sameVm}, {@code external}, {@code unmapped}, {@code rejected}, {@code noData},
 * {@code skipData} and {@code badLines}.
 *
 * @param records          flow records read (data lines; headers, comments and trailers excluded)
 * @param mapped           records between two VMs of the inventory: they make the graph
 * @param sameVm           records between two addresses of one VM (not an edge)
 * @param external         records with one end in the inventory and one outside: per-VM external traffic
 * @param unmapped         records with neither end in the inventory
 * @param rejected         records the network refused (VPC {@code REJECT}); not in the graph unless asked
 * @param noData           VPC {@code NODATA} lines (an interface with no traffic in the window)
 * @param skipData         VPC {@code SKIPDATA} lines (records the log lost: the graph misses some traffic)
 * @param badLines         malformed lines skipped because skipping was asked for
 * @param badLineExamples  the first few of them, each as its error message
 * @param mappedBytes      bytes of the mapped records
 * @param externalBytes    bytes of the external records
 * @param unmappedBytes    bytes of the unmapped records
 * @param rejectedBytes    bytes of the rejected records
 * @param first            the earliest flow start seen, when the format has times
 * @param last             the latest flow end seen
 */
public record FlowSummary(long records, long mapped, long sameVm, long external, long unmapped, long rejected,
                          long noData, long skipData, long badLines, List<String> badLineExamples,
                          long mappedBytes, long externalBytes, long unmappedBytes, long rejectedBytes,
                          Optional<Instant> first, Optional<Instant> last) {

    public FlowSummary {
        badLineExamples = List.copyOf(badLineExamples);
    }

    /** A summary of nothing read (a graph from affinity rules alone). */
    public static FlowSummary empty() {
        return new FlowSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0, 0, Optional.empty(), Optional.empty());
    }
}
