package dev.skylift.io;

import dev.skylift.inventory.Inventory;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.HubTreatment;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads affinity rules (YAML) and checks them against the inventory:
 *
 * <pre>
 * groups:                      # every two VMs of a group communicate
 *   - name: shop
 *     vms: [shop-web-1, shop-app-1, shop-db-1]
 *     weight: 1000000          # optional, default 1 (in the unit of --weight, see EstateGraph)
 * pairs:
 *   - vms: [shop-app-1, cache-1]
 *     weight: 5000
 * shared_services:             # talks to every other VM
 *   - vm: dns-1
 *     weight: 10
 * before:                      # [A, B]: A moves before B; [A, B, C]: a chain
 *   - [shop-db-1, shop-app-1]
 * together:                    # one wave
 *   - [shop-web-1, shop-web-2]
 * hubs:                        # the operator's decision per hub
 *   dns-1: first               # order | first | last | exclude
 * </pre>
 *
 * Unknown fields, unknown VM names, bad weights and precedence cycles are errors naming the file
 * and line.
 */
public final class AffinityReader {

    private static final Set<String> ROOT = Set.of("groups", "pairs", "shared_services", "before", "together", "hubs");

    private AffinityReader() {
    }

    public static AffinityRules read(Path file, Inventory inventory) {
        YamlTree.Node root = YamlTree.read(file);
        if (root == null) {
            return AffinityRules.none();
        }
        if (!(root instanceof YamlTree.Mapping mapping)) {
            throw new InputFormatException(file, root.line(), "affinity rules are a mapping with groups, pairs, "
                    + "shared_services, before, together and hubs");
        }
        InventoryReader.checkKeys(file, mapping, ROOT, "groups, pairs, shared_services, before, together or hubs");
        List<AffinityRules.Group> groups = new ArrayList<>();
        for (YamlTree.Node item : items(file, mapping, "groups")) {
            YamlTree.Mapping group = InventoryReader.mapping(file, item, "a group");
            InventoryReader.checkKeys(file, group, Set.of("name", "vms", "weight"), "name, vms or weight");
            String name = group.get("name") == null ? "" : InventoryReader.scalar(file, group.get("name"), "name");
            List<String> vms = names(file, InventoryReader.required(file, group, "vms"), inventory, "vms", 2);
            groups.add(new AffinityRules.Group(name, vms, weight(file, group)));
        }
        List<AffinityRules.Pair> pairs = new ArrayList<>();
        for (YamlTree.Node item : items(file, mapping, "pairs")) {
            YamlTree.Mapping pair = InventoryReader.mapping(file, item, "a pair");
            InventoryReader.checkKeys(file, pair, Set.of("vms", "weight"), "vms or weight");
            YamlTree.Node vmsNode = InventoryReader.required(file, pair, "vms");
            List<String> vms = names(file, vmsNode, inventory, "vms", 2);
            if (vms.size() != 2) {
                throw new InputFormatException(file, vmsNode.line(), "a pair names " + vms.size() + " VMs; expected 2");
            }
            pairs.add(new AffinityRules.Pair(vms.get(0), vms.get(1), weight(file, pair)));
        }
        List<AffinityRules.SharedService> services = new ArrayList<>();
        for (YamlTree.Node item : items(file, mapping, "shared_services")) {
            YamlTree.Mapping service = InventoryReader.mapping(file, item, "a shared service");
            InventoryReader.checkKeys(file, service, Set.of("vm", "weight"), "vm or weight");
            YamlTree.Node vmNode = InventoryReader.required(file, service, "vm");
            String vm = vm(file, vmNode, inventory);
            services.add(new AffinityRules.SharedService(vm, weight(file, service)));
        }
        List<AffinityRules.Precedence> before = new ArrayList<>();
        Map<AffinityRules.Precedence, Integer> beforeLines = new LinkedHashMap<>();
        for (YamlTree.Node item : items(file, mapping, "before")) {
            List<String> chain = names(file, item, inventory, "before", 2);
            for (int i = 0; i + 1 < chain.size(); i++) {
                AffinityRules.Precedence precedence = new AffinityRules.Precedence(chain.get(i), chain.get(i + 1));
                before.add(precedence);
                beforeLines.putIfAbsent(precedence, item.line());
            }
        }
        List<List<String>> together = new ArrayList<>();
        Map<String, Integer> wave = new HashMap<>();
        for (YamlTree.Node item : items(file, mapping, "together")) {
            List<String> vms = names(file, item, inventory, "together", 2);
            together.add(vms);
            for (String vm : vms) {
                wave.putIfAbsent(vm, together.size() - 1);
            }
        }
        for (Map.Entry<AffinityRules.Precedence, Integer> entry : beforeLines.entrySet()) {
            Integer w1 = wave.get(entry.getKey().first());
            if (w1 != null && w1.equals(wave.get(entry.getKey().then()))) {
                throw new InputFormatException(file, entry.getValue(), entry.getKey().first() + " must move before "
                        + entry.getKey().then() + ", but 'together' puts them in one wave");
            }
        }
        checkAcyclic(file, beforeLines);
        Map<String, HubTreatment> hubs = new LinkedHashMap<>();
        YamlTree.Node hubsNode = mapping.get("hubs");
        if (hubsNode != null && !InventoryReader.isNull(hubsNode)) {
            if (!(hubsNode instanceof YamlTree.Mapping hubMapping)) {
                throw new InputFormatException(file, hubsNode.line(), "hubs is not a mapping of VM names to "
                        + "order, first, last or exclude");
            }
            for (YamlTree.Entry entry : hubMapping.entries().values()) {
                if (inventory.indexOf(entry.key()) < 0) {
                    throw new InputFormatException(file, entry.line(), "hub '" + entry.key() + "' is not a VM of the inventory");
                }
                String text = InventoryReader.scalar(file, entry.value(), "hubs");
                HubTreatment treatment = HubTreatment.parse(text);
                if (treatment == null) {
                    throw new InputFormatException(file, entry.value().line(), "hub decision '" + text + "' for "
                            + entry.key() + " is not one of order, first, last, exclude");
                }
                hubs.put(entry.key(), treatment);
            }
        }
        return new AffinityRules(groups, pairs, services, before, together, hubs);
    }

    private static List<YamlTree.Node> items(Path file, YamlTree.Mapping mapping, String field) {
        YamlTree.Node node = mapping.get(field);
        return node == null ? List.of() : InventoryReader.items(file, node, field);
    }

    private static List<String> names(Path file, YamlTree.Node node, Inventory inventory, String field, int atLeast) {
        if (!(node instanceof YamlTree.Sequence sequence)) {
            throw new InputFormatException(file, node.line(), field + " is not a list of VM names");
        }
        List<String> names = new ArrayList<>();
        for (YamlTree.Node item : sequence.items()) {
            String vm = vm(file, item, inventory);
            if (names.contains(vm)) {
                throw new InputFormatException(file, item.line(), field + " names VM " + vm + " twice");
            }
            names.add(vm);
        }
        if (names.size() < atLeast) {
            throw new InputFormatException(file, node.line(), field + " names " + names.size() + " VM"
                    + (names.size() == 1 ? "" : "s") + "; expected at least " + atLeast);
        }
        return names;
    }

    private static String vm(Path file, YamlTree.Node node, Inventory inventory) {
        String name = InventoryReader.scalar(file, node, "vm");
        if (inventory.indexOf(name) < 0) {
            throw new InputFormatException(file, node.line(), "VM '" + name + "' is not in the inventory");
        }
        return name;
    }

    private static double weight(Path file, YamlTree.Mapping mapping) {
        YamlTree.Node node = mapping.get("weight");
        if (node == null || InventoryReader.isNull(node)) {
            return 1.0;
        }
        return InventoryReader.nonNegativeNumber(file, node.line(), "weight", InventoryReader.scalar(file, node, "weight"));
    }

    /** Kahn's algorithm over the precedence pairs; a VM left over lies on a cycle. */
    private static void checkAcyclic(Path file, Map<AffinityRules.Precedence, Integer> lines) {
        Map<String, List<String>> next = new HashMap<>();
        Map<String, Integer> incoming = new HashMap<>();
        for (AffinityRules.Precedence p : lines.keySet()) {
            next.computeIfAbsent(p.first(), k -> new ArrayList<>()).add(p.then());
            incoming.merge(p.then(), 1, Integer::sum);
            incoming.putIfAbsent(p.first(), 0);
        }
        ArrayDeque<String> ready = new ArrayDeque<>();
        incoming.forEach((vm, count) -> {
            if (count == 0) {
                ready.add(vm);
            }
        });
        while (!ready.isEmpty()) {
            String vm = ready.poll();
            for (String then : next.getOrDefault(vm, List.of())) {
                if (incoming.merge(then, -1, Integer::sum) == 0) {
                    ready.add(then);
                }
            }
        }
        for (Map.Entry<AffinityRules.Precedence, Integer> entry : lines.entrySet()) {
            if (incoming.get(entry.getKey().first()) > 0 && incoming.get(entry.getKey().then()) > 0) {
                throw new InputFormatException(file, entry.getValue(), "'before' rules form a cycle through "
                        + entry.getKey().first() + " and " + entry.getKey().then() + "; no order can satisfy them");
            }
        }
    }
}
