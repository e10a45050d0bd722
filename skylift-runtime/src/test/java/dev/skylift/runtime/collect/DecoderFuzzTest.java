package dev.skylift.runtime.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fuzzes each decoder with seeded input: every truncation of valid packets, random bit flips of
 * them, and random packets behind a valid version number. Whatever comes in, the decoder returns
 * records or throws {@link FlowDecodeException}, nothing else, and returns. The timeout is only a
 * guard against a hang, far above the time the cases take.
 */
class DecoderFuzzTest {

    private static final InetAddress EXPORTER = InetAddress.getLoopbackAddress();
    private static final int FLIPPED_PER_SAMPLE = 10_000;
    private static final int RANDOM_PACKETS = 20_000;

    private long cases;
    private long decoded;

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {5, 9, 10})
    void neverThrowsAnythingButADecodeErrorAndAlwaysReturns(int version) {
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> fuzz(version));
    }

    private void fuzz(int version) {
        List<byte[]> samples = Packets.samples(version);
        // One decoder throughout, so that corrupt templates stay in its cache and meet later data.
        var decoder = new FlowDecoder(16);
        var random = new Random(version * 7919L);
        for (byte[] sample : samples) {
            assertThat(decoder.decode(EXPORTER, sample, sample.length)).allSatisfy(DecoderFuzzTest::plausible);
            for (int length = 0; length <= sample.length; length++) {
                attempt(decoder, Arrays.copyOf(sample, length));
            }
            for (int i = 0; i < FLIPPED_PER_SAMPLE; i++) {
                byte[] flipped = sample.clone();
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    int bit = random.nextInt(flipped.length * 8);
                    flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                }
                attempt(decoder, flipped);
                attempt(decoder, Arrays.copyOf(flipped, random.nextInt(flipped.length + 1)));
            }
        }
        for (int i = 0; i < RANDOM_PACKETS; i++) {
            byte[] noise = new byte[random.nextInt(i % 10 == 0 ? 1500 : 120)];
            random.nextBytes(noise);
            if (noise.length >= 2) {
                noise[0] = 0;
                noise[1] = (byte) version;
            }
            attempt(decoder, noise);
        }
        assertThat(cases).isGreaterThan(40_000);
        assertThat(decoded).isPositive();
        assertThat(decoder.counts().decodeErrors()).isPositive();
    }

    private void attempt(FlowDecoder decoder, byte[] packet) {
        cases++;
        try {
            List<FlowRecord> records = decoder.decode(EXPORTER, packet, packet.length);
            records.forEach(DecoderFuzzTest::plausible);
            decoded++;
        } catch (FlowDecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException | Error e) {
            fail("decoding " + HexFormat.of().formatHex(packet) + " threw " + e, e);
        }
    }

    private static void plausible(FlowRecord record) {
        assertThat(record.endMillis()).isGreaterThanOrEqualTo(record.startMillis());
        assertThat(record.bytes()).isNotNegative();
        assertThat(FlowCsvWriter.line(record)).isNotBlank();
    }
}
