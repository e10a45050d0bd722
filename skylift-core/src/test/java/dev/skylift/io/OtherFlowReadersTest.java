package dev.skylift.io;

import static dev.skylift.io.FlowCsvReaderTest.pairs;
import static dev.skylift.io.TrafficFixtures.replaceLine;
import static dev.skylift.io.TrafficFixtures.resource;
import static dev.skylift.io.TrafficFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skylift.inventory.Inventory;
import dev.skylift.traffic.FlowAggregator;
import dev.skylift.traffic.FlowSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The VPC flow log, Azure Migrate and nfdump readers, and format detection. */
class OtherFlowReadersTest {

    @TempDir
    Path dir;

    private final Inventory inventory = InventoryReader.read(resource("inventory.yaml"));

    private FlowAggregator read(Path file, FlowReaders.Format format, boolean skip, boolean keepRejected) {
        FlowAggregator aggregator = new FlowAggregator(inventory, skip, keepRejected);
        FlowReaders.read(file, format, aggregator);
        return aggregator;
    }

    @Test
    void vpcRejectsAreCountedApartAndNoDataLinesCounted() {
        FlowAggregator aggregator = read(resource("vpc.log"), FlowReaders.Format.VPC, false, false);

        assertThat(pairs(aggregator)).containsExactly("web-1-app-1 1000/10/1", "app-1-db-1 4000/20/1");
        FlowSummary summary = aggregator.summary();
        assertThat(List.of(summary.records(), summary.mapped(), summary.rejected(), summary.noData(), summary.skipData(),
                summary.external())).containsExactly(6L, 2L, 1L, 1L, 1L, 1L);
        assertThat(summary.rejectedBytes()).isEqualTo(180);
        assertThat(aggregator.externalBytes()).containsExactly(0, 0, 0, 70);
        assertThat(summary.first()).contains(Instant.ofEpochSecond(1_764_064_800L));
        assertThat(summary.last()).contains(Instant.ofEpochSecond(1_764_064_920L));
    }

    @Test
    void vpcRejectsJoinTheGraphWhenAsked() {
        FlowAggregator aggregator = read(resource("vpc.log"), FlowReaders.Format.VPC, false, true);

        assertThat(pairs(aggregator)).contains("web-1-dns-1 180/3/1");
        assertThat(aggregator.summary().rejected()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2 1 eni-1 10.0.1.11 10.0.1.21 40000 8080 6 10 - 1764064800 1764064860 ACCEPT OK | bytes '-' is only allowed on NODATA and SKIPDATA lines",
            "2 1 eni-1 10.0.1.11 10.0.1.21 40000 8080 6 10 -5 1764064800 1764064860 ACCEPT OK | bytes '-5' is negative",
            "2 1 eni-1 10.0.1.11 10.0.1.21 40000 8080 6 10 1000 1764064800 1764064860 ALLOW OK | action 'ALLOW' is not an action; expected ACCEPT or REJECT",
            "3 1 eni-1 10.0.1.11 10.0.1.21 40000 8080 6 10 1000 1764064800 1764064860 ACCEPT OK | version '3' is not 2; only the default version-2 format is read",
            "2 1 eni-1 10.0.1.11 10.0.1.21 40000 8080 6 10 1000 1764064800 1764064860 ACCEPT | the line has 13 fields; expected 14 (version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status)",
    })
    void aBadVpcLineNamesLineFieldAndValue(String line, String message) {
        Path file = write(dir, "vpc.log", replaceLine("vpc.log", 3, line));

        assertThatThrownBy(() -> read(file, FlowReaders.Format.VPC, false, false)).isInstanceOf(InputFormatException.class)
                .hasMessage(file + ":3: " + message);
    }

    @Test
    void azureRowsCountAsConnectionSlotsMatchedByNameThenByIp() {
        FlowAggregator aggregator = read(resource("azure.csv"), FlowReaders.Format.AZURE_MIGRATE, false, false);

        // WEB-1 and app-1.corp.local match by name; the empty and the unknown destination names fall back to the IP.
        assertThat(pairs(aggregator)).containsExactly("web-1-app-1 0/0/3", "app-1-db-1 0/0/1", "app-1-dns-1 0/0/1");
        FlowSummary summary = aggregator.summary();
        assertThat(List.of(summary.records(), summary.mapped(), summary.external(), summary.unmapped()))
                .containsExactly(7L, 5L, 1L, 1L);
        assertThat(aggregator.externalFlows()).containsExactly(1, 0, 0, 0);
    }

    @Test
    void aBadAzurePortIsCountedWhenSkipping() {
        Path file = write(dir, "azure.csv", replaceLine("azure.csv", 2,
                "11/25/2026 10:00,web-1,nginx,nginx,app-1,10.0.1.21,shop,java,http"));

        FlowAggregator aggregator = read(file, FlowReaders.Format.AZURE_MIGRATE, true, false);

        assertThat(aggregator.summary().badLines()).isEqualTo(1);
        assertThat(aggregator.summary().badLineExamples())
                .containsExactly(file + ":2: Destination port 'http' is not a port; expected 0..65535");
        assertThat(pairs(aggregator)).contains("web-1-app-1 0/0/2");
    }

    @Test
    void nfdumpSumsBothDirectionsAndStopsAtTheSummaryBlock() {
        FlowAggregator aggregator = read(resource("nfdump.csv"), FlowReaders.Format.NFDUMP, false, false);

        assertThat(pairs(aggregator)).containsExactly("web-1-app-1 1200/12/1", "app-1-db-1 20000/30/1");
        FlowSummary summary = aggregator.summary();
        assertThat(List.of(summary.records(), summary.mapped(), summary.external(), summary.badLines()))
                .containsExactly(3L, 2L, 1L, 0L);
        assertThat(summary.first()).contains(Instant.parse("2026-11-25T10:00:00.120Z"));
    }

    /**
     * Real output of nfdump 1.7.1 (Debian 12): softflowd -v 9 replayed a generated pcap of one TCP
     * connection (5 requests of 100 bytes, 5 answers of 300, then FINs) into nfcapd; {@code nfdump -R
     * DIR -o csv}. Its padded columns and its Summary block must read.
     */
    @Test
    void readsRealNfdumpOutput() {
        FlowAggregator aggregator = read(resource("nfdump-1.7.1-real.csv"), FlowReaders.Format.NFDUMP, false, false);

        assertThat(pairs(aggregator)).containsExactly("web-1-app-1 2480/12/2");
        assertThat(aggregator.summary().records()).isEqualTo(2);
        assertThat(FlowReaders.detect(resource("nfdump-1.7.1-real.csv"))).isEqualTo(FlowReaders.Format.NFDUMP);
    }

    @Test
    void aBadNfdumpCounterNamesItsColumn() {
        String line = "2026-11-25 10:00:00.120,2026-11-25 10:00:01.620,1.500,10.0.1.11,10.0.1.21,40000,8080,TCP,.AP.SF,0,0,"
                + "10,-1000" + ",2,200,0,0,0,0,0,0,0,0,0.0.0.0,0.0.0.0,0,0,00:00:00:00:00:00,00:00:00:00:00:00,00:00:00:00:00:00,"
                + "00:00:00:00:00:00,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0.000,0.000,0.000,127.0.0.1,0/0,"
                + "1,1970-01-01 00:00:00.000";
        Path file = write(dir, "nf.csv", replaceLine("nfdump.csv", 2, line));

        assertThatThrownBy(() -> read(file, FlowReaders.Format.NFDUMP, false, false))
                .hasMessage(file + ":2: ibyt '-1000' is negative");
    }

    @Test
    void detectsEachFormatFromItsFirstLine() {
        assertThat(FlowReaders.detect(resource("flows.csv"))).isEqualTo(FlowReaders.Format.CSV);
        assertThat(FlowReaders.detect(resource("vpc.log"))).isEqualTo(FlowReaders.Format.VPC);
        assertThat(FlowReaders.detect(resource("azure.csv"))).isEqualTo(FlowReaders.Format.AZURE_MIGRATE);
        assertThat(FlowReaders.detect(resource("nfdump.csv"))).isEqualTo(FlowReaders.Format.NFDUMP);
        Path headerless = write(dir, "vpc-no-header.log", "2 1 eni-1 10.0.1.11 10.0.1.21 1 2 6 1 1 1 2 ACCEPT OK\n");
        assertThat(FlowReaders.detect(headerless)).isEqualTo(FlowReaders.Format.VPC);
    }

    @Test
    void anUnknownFormatAsksForFlowsFormat() {
        Path file = write(dir, "mystery.txt", "who,talks,to,whom\n");

        assertThatThrownBy(() -> FlowReaders.detect(file)).isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith(file + ":1: cannot tell the flow format from the first line 'who,talks,to,whom'")
                .hasMessageContaining("--flows-format csv|vpc|azure-migrate|nfdump");
    }
}
