package dev.skylift.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The estate to move: its VMs (vertex i of every graph built from this inventory is VM i) and,
 * when listed, the private nodes they run on. Names and addresses are unique; an address finds its
 * VM through {@link #ipIndex()} without allocating.
 */
public final class Inventory {

    private final List<Vm> vms;
    private final List<Node> nodes;
    private final Map<String, Integer> byName;
    private final Map<String, Integer> byLowerName;
    private final IpIndex ipIndex;

    /**
     * An inventory of these VMs and nodes; throws IllegalArgumentException on a repeated name or
     * address or an address that is not one (readers check first, naming the lines).
     */
    public Inventory(List<Vm> vms, List<Node> nodes) {
        this.vms = List.copyOf(vms);
        this.nodes = List.copyOf(nodes);
        this.byName = new HashMap<>(vms.size() * 2);
        this.byLowerName = new HashMap<>(vms.size() * 2);
        IpParser parser = new IpParser();
        List<int[]> v4 = new ArrayList<>();
        List<long[]> v6 = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        for (int i = 0; i < this.vms.size(); i++) {
            Vm vm = this.vms.get(i);
            if (byName.putIfAbsent(vm.name(), i) != null) {
                throw new IllegalArgumentException("VM name '" + vm.name() + "' is used twice");
            }
            byLowerName.merge(vm.name().toLowerCase(Locale.ROOT), i, (a, b) -> -1);
            for (String ip : vm.ips()) {
                int kind = parser.parse(ip);
                if (kind == IpParser.INVALID) {
                    throw new IllegalArgumentException("'" + ip + "' of VM " + vm.name() + " is not an IP address");
                }
                String canonical = parser.canonical(kind);
                String previous = owner.putIfAbsent(canonical, vm.name());
                if (previous != null) {
                    throw new IllegalArgumentException("IP " + canonical + " belongs to both " + previous + " and " + vm.name());
                }
                if (kind == IpParser.V4) {
                    v4.add(new int[] {parser.v4(), i});
                } else {
                    v6.add(new long[] {parser.high(), parser.low(), i});
                }
            }
        }
        int[] addresses4 = new int[v4.size()];
        int[] vms4 = new int[v4.size()];
        for (int i = 0; i < v4.size(); i++) {
            addresses4[i] = v4.get(i)[0];
            vms4[i] = v4.get(i)[1];
        }
        long[] high = new long[v6.size()];
        long[] low = new long[v6.size()];
        int[] vms6 = new int[v6.size()];
        for (int i = 0; i < v6.size(); i++) {
            high[i] = v6.get(i)[0];
            low[i] = v6.get(i)[1];
            vms6[i] = (int) v6.get(i)[2];
        }
        this.ipIndex = new IpIndex(addresses4, vms4, high, low, vms6);
    }

    public List<Vm> vms() {
        return vms;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public int size() {
        return vms.size();
    }

    public Vm vm(int index) {
        return vms.get(index);
    }

    /** The index of the VM with exactly this name, or -1. */
    public int indexOf(String name) {
        Integer index = byName.get(name);
        return index == null ? -1 : index;
    }

    /**
     * The VM a migration tool's server name means, or -1: the exact name, else the one name equal
     * ignoring case, else the same for the host part before the first dot ({@code WEB-1.corp.local}
     * is {@code web-1}). Ambiguous matches count as none.
     */
    public int resolveServerName(String serverName) {
        int exact = indexOf(serverName);
        if (exact >= 0) {
            return exact;
        }
        Integer folded = byLowerName.get(serverName.toLowerCase(Locale.ROOT));
        if (folded != null) {
            return folded;
        }
        int dot = serverName.indexOf('.');
        if (dot > 0) {
            Integer shortName = byLowerName.get(serverName.substring(0, dot).toLowerCase(Locale.ROOT));
            if (shortName != null) {
                return shortName;
            }
        }
        return -1;
    }

    /** Finds VMs by address. */
    public IpIndex ipIndex() {
        return ipIndex;
    }

    /** The names of the VMs in index order. */
    public List<String> names() {
        return vms.stream().map(Vm::name).toList();
    }
}
