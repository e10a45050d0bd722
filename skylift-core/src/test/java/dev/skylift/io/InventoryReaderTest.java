package dev.skylift.io;

import static dev.skylift.io.TrafficFixtures.resource;
import static dev.skylift.io.TrafficFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skylift.inventory.Criticality;
import dev.skylift.inventory.Inventory;
import dev.skylift.inventory.Vm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheYamlInventoryWithCanonicalAddresses() {
        Inventory inventory = InventoryReader.read(resource("inventory.yaml"));

        assertThat(inventory.names()).containsExactly("web-1", "app-1", "db-1", "dns-1");
        assertThat(inventory.nodes()).hasSize(2);
        Vm web = inventory.vm(0);
        assertThat(web.labels()).isEqualTo(Map.of("app", "shop", "owner", "team-a"));
        assertThat(web.tags()).containsExactly("web", "shop");
        assertThat(web.criticality()).contains(Criticality.HIGH);
        Vm app = inventory.vm(1);
        assertThat(app.ips()).containsExactly("10.0.1.21", "fd00::21");
        assertThat(app.diskGib()).isEqualTo(60.5);
        assertThat(app.dirtyMibPerSecond().getAsDouble()).isEqualTo(12.5);
        assertThat(app.criticality()).isEmpty();
    }

    @Test
    void theCsvInventoryReadsAsTheSameEstate() {
        Inventory yaml = InventoryReader.read(resource("inventory.yaml"));
        Inventory csv = InventoryReader.read(resource("inventory.csv"));

        assertThat(csv.names()).isEqualTo(yaml.names());
        for (int v = 0; v < yaml.size(); v++) {
            Vm a = yaml.vm(v);
            Vm b = csv.vm(v);
            assertThat(List.of(b.ips(), b.host(), b.memoryMib(), b.diskGib(), b.dirtyMibPerSecond(), b.tags(), b.criticality()))
                    .isEqualTo(List.of(a.ips(), a.host(), a.memoryMib(), a.diskGib(), a.dirtyMibPerSecond(), a.tags(),
                            a.criticality()));
        }
        assertThat(csv.vm(0).labels()).isEqualTo(Map.of("app", "shop"));
        assertThat(csv.vm(2).criticality()).isEqualTo(Optional.of(Criticality.CRITICAL));
    }

    @Test
    void unknownFieldsAreErrorsUnlessUnderLabels() {
        Path file = write(dir, "inv.yaml", """
                vms:
                  - name: a
                    ips: [10.0.0.1]
                    host: n
                    memory_mib: 1
                    disk_gib: 1
                    labels: {anything: goes, team: x}
                  - name: b
                    ips: [10.0.0.2]
                    host: n
                    memory_mib: 1
                    disk_gib: 1
                    colour: blue
                """);

        assertThatThrownBy(() -> InventoryReader.read(file)).isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith(file + ":13: unknown field 'colour'");
    }

    @Test
    void aRepeatedVmNameNamesBothLines() {
        Path file = write(dir, "inv.yaml", """
                vms:
                  - name: a
                    ips: [10.0.0.1]
                    host: n
                    memory_mib: 1
                    disk_gib: 1
                  - name: a
                    ips: [10.0.0.2]
                    host: n
                    memory_mib: 1
                    disk_gib: 1
                """);

        assertThatThrownBy(() -> InventoryReader.read(file))
                .hasMessage(file + ":7: VM name 'a' is already used at " + file + ":2");
    }

    @Test
    void aRepeatedAddressInAnotherSpellingNamesBothLinesAndBothVms() {
        Path file = write(dir, "inv.yaml", """
                vms:
                  - name: a
                    ips: [10.0.0.1, "fd00::1"]
                    host: n
                    memory_mib: 1
                    disk_gib: 1
                  - name: b
                    ips:
                      - 10.0.0.2
                      - "FD00:0:0::0001"
                    host: n
                    memory_mib: 1
                    disk_gib: 1
                """);

        assertThatThrownBy(() -> InventoryReader.read(file))
                .hasMessage(file + ":10: IP fd00::1 of VM b is already the address of a at " + file + ":3");
    }

    @Test
    void aRepeatedAddressInTheCsvNamesBothLines() {
        Path file = write(dir, "inv.csv", "name,ips,host,memory_mib,disk_gib\na,10.0.0.1,n,1,1\nb,10.0.0.2;10.0.0.1,n,1,1\n");

        assertThatThrownBy(() -> InventoryReader.read(file))
                .hasMessage(file + ":3: IP 10.0.0.1 of VM b is already the address of a at " + file + ":2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "memory_mib: -5     | 5 | memory_mib '-5' is negative; expected an integer > 0",
            "memory_mib: 0      | 5 | memory_mib '0' is zero; expected an integer > 0",
            "memory_mib: lots   | 5 | memory_mib 'lots' is not an integer; expected an integer > 0",
            "disk_gib: -1.5     | 6 | disk_gib '-1.5' is negative; expected a number ≥ 0",
            "dirty_mib_s: fast  | 7 | dirty_mib_s 'fast' is not a number; expected a number ≥ 0",
            "criticality: huge  | 7 | criticality 'huge' is not a criticality; expected low, medium, high or critical",
            "ips: [10.0.0.300]  | 3 | ips '10.0.0.300' of VM a is not an IPv4 or IPv6 address",
            "host: node-9       | 4 | host 'node-9' is not one of the listed nodes",
    })
    void aBadValueNamesFileLineFieldAndValue(String replacement, int line, String message) {
        String key = replacement.substring(0, replacement.indexOf(':'));
        String template = """
                vms:
                  - name: a
                    ips: [10.0.0.1]
                    host: node-1
                    memory_mib: 1024
                    disk_gib: 10
                nodes:
                  - {name: node-1, cpus: 4, memory_mib: 8192}
                """;
        String text = template.lines().map(l -> l.strip().startsWith(key + ":") ? "    " + replacement : l)
                .reduce("", (a, b) -> a + b + "\n");
        if (!text.contains(replacement)) {
            text = text.replace("    disk_gib: 10\n", "    disk_gib: 10\n    " + replacement + "\n");
        }
        Path file = write(dir, "inv.yaml", text);

        assertThatThrownBy(() -> InventoryReader.read(file)).isInstanceOf(InputFormatException.class)
                .hasMessage(file + ":" + line + ": " + message);
    }

    @Test
    void csvColumnsOtherThanLabelsAreErrors() {
        Path file = write(dir, "inv.csv", "name,ips,host,memory_mib,disk_gib,colour\na,10.0.0.1,n,1,1,blue\n");

        assertThatThrownBy(() -> InventoryReader.read(file)).hasMessageStartingWith(file + ":1: unknown column 'colour'");
    }

    @Test
    void aNameWithASpaceIsRefusedBecauseItWouldBreakEdgeLists() {
        Path file = write(dir, "inv.csv", "name,ips,host,memory_mib,disk_gib\nweb 1,10.0.0.1,n,1,1\n");

        assertThatThrownBy(() -> InventoryReader.read(file)).hasMessageStartingWith(file + ":2: VM name 'web 1' contains a space");
    }

    @Test
    void invalidYamlNamesTheLine() {
        Path file = write(dir, "inv.yaml", "vms:\n  - name: a\n    ips: [10.0.0.1\n");

        assertThatThrownBy(() -> InventoryReader.read(file)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining("is not valid YAML");
    }
}
