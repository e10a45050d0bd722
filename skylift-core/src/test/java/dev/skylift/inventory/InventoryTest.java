package dev.skylift.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class InventoryTest {

    private static Vm vm(String name, String... ips) {
        return new Vm(name, List.of(ips), "node-1", 1024, 10, OptionalDouble.empty(), List.of(), Optional.empty(), Map.of());
    }

    @Test
    void findsVmsByAnySpellingOfTheirAddresses() {
        Inventory inventory = new Inventory(List.of(vm("a", "10.0.0.1"), vm("b", "fd00::2", "10.0.0.2")), List.of());
        IpParser parser = new IpParser();

        assertThat(inventory.ipIndex().lookup(parser, parser.parse("FD00:0::0002"))).isEqualTo(1);
        assertThat(inventory.ipIndex().lookup(parser, parser.parse("::ffff:10.0.0.1"))).isEqualTo(0);
        assertThat(inventory.ipIndex().lookup(parser, parser.parse("10.0.0.3"))).isEqualTo(-1);
        assertThat(inventory.ipIndex().lookup(parser, parser.parse("fd00::3"))).isEqualTo(-1);
    }

    @Test
    void resolvesMigrationToolServerNamesIgnoringCaseAndDomain() {
        Inventory inventory = new Inventory(List.of(vm("web-1", "10.0.0.1"), vm("App-1", "10.0.0.2")), List.of());

        assertThat(inventory.resolveServerName("web-1")).isZero();
        assertThat(inventory.resolveServerName("WEB-1")).isZero();
        assertThat(inventory.resolveServerName("app-1.corp.local")).isEqualTo(1);
        assertThat(inventory.resolveServerName("db-1")).isEqualTo(-1);
    }

    @Test
    void manyAddressesAllFoundAfterTheTableGrows() {
        List<Vm> vms = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            vms.add(vm("vm-" + i, "10." + (i >> 8) + "." + (i & 255) + ".1", "fd00::" + Integer.toHexString(i + 1)));
        }
        Inventory inventory = new Inventory(vms, List.of());
        IpParser parser = new IpParser();
        for (int i = 0; i < 5000; i++) {
            assertThat(inventory.ipIndex().lookup(parser, parser.parse("10." + (i >> 8) + "." + (i & 255) + ".1"))).isEqualTo(i);
            assertThat(inventory.ipIndex().lookup(parser, parser.parse("fd00::" + Integer.toHexString(i + 1)))).isEqualTo(i);
        }
    }
}
