package dev.skylift.io;

import static dev.skylift.io.TrafficFixtures.replaceLine;
import static dev.skylift.io.TrafficFixtures.resource;
import static dev.skylift.io.TrafficFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skylift.inventory.Inventory;
import dev.skylift.traffic.FlowAggregator;
import dev.skylift.traffic.FlowSummary;
import dev.skylift.traffic.PairTraffic;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowCsvReaderTest {

    private static final String OK = "2026-11-25T10:00:00Z,2026-11-25T10:00:01Z,10.0.1.11,40000,10.0.1.21,8080,6,1000,10";

    @TempDir
    Path dir;

    private final Inventory inventory = InventoryReader.read(resource("inventory.yaml"));

    static List<String> pairs(FlowAggregator aggregator) {
        PairTraffic pairs = aggregator.pairs();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            out.add(aggregator.inventory().vm(pairs.a(i)).name() + "-" + aggregator.inventory().vm(pairs.b(i)).name()
                    + " " + pairs.bytes(i) + "/" + pairs.packets(i) + "/" + pairs.flows(i));
        }
        return out;
    }

    private FlowAggregator read(Path file, boolean skip) {
        FlowAggregator aggregator = new FlowAggregator(inventory, skip, false);
        FlowCsvReader.read(file, aggregator);
        return aggregator;
    }

    @Test
    void sumsPerUnorderedVmPairAcrossIpv4AndIpv6Spellings() {
        FlowAggregator aggregator = read(resource("flows.csv"), false);

        assertThat(pairs(aggregator)).containsExactly(
                "web-1-app-1 1500/15/2", "web-1-dns-1 100/1/1", "app-1-db-1 50000/70/2", "app-1-dns-1 200/2/1");
        FlowSummary summary = aggregator.summary();
        assertThat(List.of(summary.records(), summary.mapped(), summary.external(), summary.unmapped(), summary.sameVm()))
                .containsExactly(9L, 6L, 1L, 1L, 1L);
        assertThat(summary.mappedBytes()).isEqualTo(51_800);
        assertThat(summary.externalBytes()).isEqualTo(7_000);
        assertThat(summary.unmappedBytes()).isEqualTo(999);
        assertThat(aggregator.externalBytes()).containsExactly(7_000, 0, 0, 0);
        assertThat(aggregator.externalPackets()).containsExactly(12, 0, 0, 0);
        assertThat(summary.first()).contains(Instant.ofEpochMilli(1_764_064_800_500L));
        assertThat(summary.last()).contains(Instant.parse("2026-11-25T11:00:02Z"));
    }

    @Test
    void aGzipFileReadsTheSame() throws IOException {
        Path gz = dir.resolve("flows.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(resource("flows.csv")));
        }

        FlowAggregator aggregator = read(gz, false);

        assertThat(pairs(aggregator)).isEqualTo(pairs(read(resource("flows.csv"), false)));
        assertThat(aggregator.summary()).isEqualTo(read(resource("flows.csv"), false).summary());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-25T10:00:00Z,2026-11-25T10:00:01Z,10.0.1.11,40000,10.0.1.21,8080,6,-5,10 | bytes '-5' is negative. Maybe the column order differs from the header?",
            "2026-11-25T10:00:00Z,2026-11-25T10:00:01Z,10.0.1.11,40000,10.0.1.21,8080,6,1000,ten | packets 'ten' is not an integer. Maybe the column order differs from the header?",
            "2026-11-25T10:00:00Z,2026-11-25T10:00:01Z,10.0.1.11,40000,10.0.1.21,8080,6,99999999999999999999,1 | bytes '99999999999999999999' is larger than 9223372036854775807. Maybe the column order differs from the header?",
            "2026-11-25T10:00:00Z,2026-11-25T10:00:01Z,10.0.1.1100,40000,10.0.1.21,8080,6,1000,10 | src_ip '10.0.1.1100' is not an IPv4 or IPv6 address. Maybe the column order differs from the header?",
            "2026-11-25T10:00:00Z,2026-11-25T10:00:01Z,10.0.1.11,40000,fd00:::1,8080,6,1000,10 | dst_ip 'fd00:::1' is not an IPv4 or IPv6 address. Maybe the column order differs from the header?",
            "2026-11-25T10:00:00Z,2026-11-25T10:00:01Z,10.0.1.11,70000,10.0.1.21,8080,6,1000,10 | src_port '70000' is not a port; expected 0..65535. Maybe the column order differs from the header?",
            "2026-11-25T10:00:00Z,2026-11-25T10:00:01Z,10.0.1.11,40000,10.0.1.21,8080,sctp,1000,10 | protocol 'sctp' is not a protocol; expected 0..255, tcp, udp, icmp or icmpv6. Maybe the column order differs from the header?",
            "2026-11-25T25:00:00Z,2026-11-25T10:00:01Z,10.0.1.11,40000,10.0.1.21,8080,6,1000,10 | start '2026-11-25T25:00:00Z' is not a time; expected ISO-8601 UTC (2026-11-25T10:00:00.125Z) or Unix epoch seconds",
            "2026-11-25T10:00:00Z,2026-11-25T09:00:00Z,10.0.1.11,40000,10.0.1.21,8080,6,1000,10 | end '2026-11-25T09:00:00Z' is before start '2026-11-25T10:00:00Z'",
            "2026-11-25T10:00:00Z,2026-11-25T10:00:01Z,10.0.1.11,40000,10.0.1.21,8080,6,1000 | the line has 8 fields; expected 9 (start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets)",
    })
    void aBadFieldFailsWithFileLineFieldAndValue(String line, String message) {
        Path file = write(dir, "flows.csv", replaceLine("flows.csv", 4, line));

        assertThatThrownBy(() -> read(file, false)).isInstanceOf(InputFormatException.class)
                .hasMessage(file + ":4: " + message);
    }

    @Test
    void skippedBadLinesAreCountedReportedAndAddNothing() {
        String text = replaceLine("flows.csv", 2, OK.replace(",1000,", ",-5,"));
        text = text.replace("1764064800.5,1764064801,", "1764064800.5,1764064801,,");
        Path file = write(dir, "flows.csv", text);
        Path without = write(dir, "without.csv", text.lines()
                .filter(l -> !l.contains(",-5,") && !l.contains(",,")).reduce("", (a, b) -> a + b + "\n"));

        FlowAggregator skipped = read(file, true);
        FlowAggregator clean = read(without, false);

        assertThat(skipped.summary().badLines()).isEqualTo(2);
        assertThat(skipped.summary().badLineExamples()).containsExactly(
                file + ":2: bytes '-5' is negative. Maybe the column order differs from the header?",
                file + ":4: the line has 10 fields; expected 9 (start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets)");
        assertThat(pairs(skipped)).isEqualTo(pairs(clean));
        assertThat(skipped.summary().mappedBytes()).isEqualTo(clean.summary().mappedBytes());
        assertThat(skipped.summary().records()).isEqualTo(clean.summary().records() + 2);
    }

    @Test
    void windowsLineBreaksAndAMissingLastLineBreakReadTheSame() throws IOException {
        String text = Files.readString(resource("flows.csv"));
        Path crlf = write(dir, "crlf.csv", text.replace("\n", "\r\n").stripTrailing());

        FlowAggregator aggregator = read(crlf, false);

        assertThat(pairs(aggregator)).isEqualTo(pairs(read(resource("flows.csv"), false)));
        assertThat(aggregator.summary()).isEqualTo(read(resource("flows.csv"), false).summary());
    }

    @Test
    void aWrongHeaderIsRefused() {
        Path file = write(dir, "flows.csv", "src_ip,dst_ip,bytes\n10.0.1.11,10.0.1.21,5\n");

        assertThatThrownBy(() -> read(file, false)).hasMessageStartingWith(file + ":1: header 'src_ip,dst_ip,bytes' is not '");
    }
}
