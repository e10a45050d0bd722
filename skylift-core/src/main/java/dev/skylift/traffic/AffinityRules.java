package dev.skylift.traffic;

import java.util.List;
import java.util.Map;

/**
 * What the operator knows about who talks to whom and what must move when, written by hand
 * (affinity YAML): groups of VMs that communicate, single pairs, shared services that talk to
 * everyone, precedence ({@code before}: A moves before B) and {@code together} (one wave), and
 * decisions for hubs. Names are checked against the inventory when read; the planner takes the
 * precedence and the waves later.
 *
 * @param groups         every two VMs of a group communicate with the group's weight
 * @param pairs          single communicating pairs
 * @param sharedServices VMs that communicate with every other VM
 * @param before         A moves before B
 * @param together       VMs that move in the same wave
 * @param hubs           the operator's decision per hub, by VM name
 */
public record AffinityRules(List<Group> groups, List<Pair> pairs, List<SharedService> sharedServices,
                            List<Precedence> before, List<List<String>> together, Map<String, HubTreatment> hubs) {

    public AffinityRules {
        groups = List.copyOf(groups);
        pairs = List.copyOf(pairs);
        sharedServices = List.copyOf(sharedServices);
        before = List.copyOf(before);
        together = together.stream().map(List::copyOf).toList();
        hubs = Map.copyOf(hubs);
    }

    /** No rules. */
    public static AffinityRules none() {
        return new AffinityRules(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
    }

    /** VMs that communicate pairwise. */
    public record Group(String name, List<String> vms, double weight) {
        public Group {
            vms = List.copyOf(vms);
        }
    }

    /** Two VMs that communicate. */
    public record Pair(String a, String b, double weight) {
    }

    /** A VM that communicates with every other VM (DNS, directory, monitoring, backup). */
    public record SharedService(String vm, double weight) {
    }

    /** VM {@code first} moves before VM {@code then}. */
    public record Precedence(String first, String then) {
    }
}
