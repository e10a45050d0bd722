package dev.skylift.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WanModelTest {

    @ParameterizedTest
    @CsvSource({
        "1Gbps, 125000000",
        "100Mbps, 12500000",
        "10gbps, 1250000000",
        "2.5 Gbps, 312500000",
        "800kbps, 100000",
        "125MB/s, 125000000",
        "1GiB/s, 1073741824",
        "64KiB/s, 65536",
    })
    void readsRatesInBitsOrBytesPerSecond(String text, double bytesPerSecond) {
        assertThat(WanModel.parseRate(text)).isCloseTo(bytesPerSecond, within(1e-6));
    }

    @ParameterizedTest
    @CsvSource({"40ms, 40000000", "0.5s, 500000000", "250us, 250000", "2min, 120000000000", "1h, 3600000000000",
        "0ms, 0"})
    void readsDurations(String text, long nanos) {
        assertThat(WanModel.parseDuration(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @Test
    void readsALinkWithAndWithoutAStreamCap() {
        WanModel capped = WanModel.parse("1Gbps", "40ms", "200Mbps");
        WanModel free = WanModel.parse("1Gbps", "40ms", null);

        assertThat(capped.bytesPerSecond()).isEqualTo(125e6);
        assertThat(capped.rttSeconds()).isCloseTo(0.04, within(1e-12));
        assertThat(capped.streamBytesPerSecond()).hasValue(25e6);
        assertThat(capped.share(2)).isEqualTo(25e6);
        assertThat(capped.share(10)).isEqualTo(12.5e6);
        assertThat(free.streamBytesPerSecond()).isEmpty();
        assertThat(free.share(2)).isEqualTo(62.5e6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1Gbs", "1 furlong", "1GBps", "fast", "", "Gbps", "-1Gbps"})
    void refusesRatesItCannotRead(String text) {
        assertThatThrownBy(() -> WanModel.parseRate(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.isEmpty() ? "\"\"" : text)
                .hasMessageContaining("1Gbps");
    }

    @Test
    void refusesAZeroRate() {
        assertThatThrownBy(() -> WanModel.parseRate("0Mbps"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0Mbps")
                .hasMessageContaining("not positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"40", "40 parsecs", "ms", "-5ms"})
    void refusesDurationsItCannotRead(String text) {
        assertThatThrownBy(() -> WanModel.parseDuration(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text)
                .hasMessageContaining("40ms");
    }

    @Test
    void refusesANonPositiveThroughputOrANegativeRtt() {
        assertThatThrownBy(() -> WanModel.of(0, Duration.ZERO))
                .hasMessageContaining("throughput 0.0");
        assertThatThrownBy(() -> WanModel.of(1, Duration.ofMillis(-1)))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> WanModel.of(1, Duration.ZERO).withStreamCap(-3))
                .hasMessageContaining("-3.0");
    }
}
