package dev.skylift.plan;

import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.AffinityRules.Precedence;
import dev.skylift.traffic.HubTreatment;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a plan was made to obey, handed on with it: the executor may have to change the plan as it
 * runs (retry a VM that failed, hold one back) and must then still keep the operator's rules.
 *
 * @param before   VM {@code first} moves before VM {@code then}
 * @param together VMs that move in the same wave
 * @param hubs     the decision per hub (moved first, last, excluded from the objective, or ordered)
 */
public record PlanConstraints(List<Precedence> before, List<List<String>> together, Map<String, HubTreatment> hubs) {

    public PlanConstraints {
        before = List.copyOf(before);
        together = together.stream().map(List::copyOf).toList();
        hubs = Collections.unmodifiableMap(new TreeMap<>(hubs)); // sorted: a file lists them the same way every time
    }

    /** Nothing to obey. */
    public static PlanConstraints none() {
        return new PlanConstraints(List.of(), List.of(), Map.of());
    }

    /** The precedence and together rules of {@code rules}, with the hub {@code decisions} in force. */
    public static PlanConstraints of(AffinityRules rules, Map<String, HubTreatment> decisions) {
        return new PlanConstraints(rules.before(), rules.together(), decisions);
    }
}
