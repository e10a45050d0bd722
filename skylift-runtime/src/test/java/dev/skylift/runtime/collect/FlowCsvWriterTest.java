package dev.skylift.runtime.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowCsvWriterTest {

    private static FlowRecord record(String source, String destination, long start) throws IOException {
        return new FlowRecord(start, start + 1500, InetAddress.getByName(source), 51000,
                InetAddress.getByName(destination), 443, 6, 123_456, 789);
    }

    @Test
    void writesTheHeaderAndOneLinePerRecordInTheAgreedFormat() throws IOException {
        var text = new StringWriter();
        try (FlowCsvWriter writer = FlowCsvWriter.to(text)) {
            writer.accept(record("10.0.0.1", "10.0.0.2", 1_764_064_800_125L));
            writer.accept(record("fd00::11", "2001:db8::1", 1_764_064_800_000L));
        }
        assertThat(text.toString()).isEqualTo("""
                start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets
                2025-11-25T10:00:00.125Z,2025-11-25T10:00:01.625Z,10.0.0.1,51000,10.0.0.2,443,6,123456,789
                2025-11-25T10:00:00.000Z,2025-11-25T10:00:01.500Z,fd00::11,51000,2001:db8::1,443,6,123456,789
                """);
    }

    @ParameterizedTest
    @CsvSource({
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "1:0:0:0:0:0:0:0, 1::",
        "FD00:0:0:0:0:0:0:ABCD, fd00::abcd",
        "2001:db8:aaaa:bbbb:cccc:dddd:eeee:1, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:1",
    })
    void writesIpv6InTheRfc5952CanonicalForm(String address, String canonical) throws IOException {
        assertThat(IpText.format(InetAddress.getByName(address))).isEqualTo(canonical);
    }

    @Test
    void gzipFileIsReadableUpToTheLastFlushEvenWithoutClose(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("flows.csv.gz");
        FlowCsvWriter writer = FlowCsvWriter.open(file);
        writer.accept(record("10.0.0.1", "10.0.0.2", 1_764_064_800_000L));
        writer.flush();
        // Not closed: as if the collector were killed now.
        var read = new ByteArrayOutputStream();
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] chunk = new byte[64];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                read.write(chunk, 0, n);
            }
        } catch (EOFException expectedWithoutTrailer) {
            // the gzip trailer is missing; what was flushed has been read
        }
        List<String> lines = read.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).containsExactly(FlowCsvWriter.HEADER,
                "2025-11-25T10:00:00.000Z,2025-11-25T10:00:01.500Z,10.0.0.1,51000,10.0.0.2,443,6,123456,789");
        writer.close();
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()).hasSize(2);
        }
    }
}
