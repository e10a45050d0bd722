package dev.skylift.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpParserTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.1.11, 10.0.1.11",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "FD00:0:0::21, fd00::21",
            "fd00:0000:0000:0000:0000:0000:0000:0031, fd00::31",
            "::, ::",
            "::1, ::1",
            "1::, 1::",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "::ffff:10.0.0.53, 10.0.0.53",
            "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
    })
    void normalisesToTheCanonicalForm(String text, String canonical) {
        assertThat(IpParser.normalize(text)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.1.11, 10.0.1.11",
            "255.255.255.255, 255.255.255.255",
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "0:0:0:0:0:0:0:0, ::",
            "FD00:0:0:0:0:0:0:ABCD, fd00::abcd",
            "2001:db8:aaaa:bbbb:cccc:dddd:eeee:1, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:1",
            "::ffff:10.0.0.53, 10.0.0.53",
    })
    void formatsAddressBytesAsNormalizeWrites(String text, String canonical) throws Exception {
        IpParser parser = new IpParser();
        int kind = parser.parse(text);
        byte[] bytes = kind == IpParser.V4 ? ByteBuffer.allocate(4).putInt(parser.v4()).array()
                : ByteBuffer.allocate(16).putLong(parser.high()).putLong(parser.low()).array();
        assertThat(IpParser.format(bytes)).isEqualTo(canonical).isEqualTo(IpParser.normalize(text));
        assertThat(IpParser.format(InetAddress.getByName(text).getAddress())).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 5, 15, 17})
    void formatRejectsBytesThatAreNoAddress(int length) {
        assertThatThrownBy(() -> IpParser.format(new byte[length])).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.256", "10.0.0.1.2", "10..0.1", "1.2.3.4 ", "a.b.c.d", ":::", "1:::2",
            "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "fe80::1%eth0", "g::1",
            "1:2:3:4:5:6:7:8::", "::1.2.3", "web-1"})
    void rejectsWhatIsNotAnAddress(String text) {
        assertThatThrownBy(() -> IpParser.normalize(text)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Property: on random addresses in random spellings, the parser agrees with the JDK's literal parser. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void agreesWithTheJdkOnRandomIpv6Spellings(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        IpParser parser = new IpParser();
        for (int trial = 0; trial < 2000; trial++) {
            int[] groups = new int[8];
            for (int g = 0; g < 8; g++) {
                groups[g] = random.nextInt(4) == 0 ? 0 : random.nextInt(65536);
            }
            if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0) {
                groups[0] = 1; // keep clear of IPv4-mapped and -compatible forms, which the JDK turns into IPv4
            }
            StringBuilder text = new StringBuilder();
            for (int g = 0; g < 8; g++) {
                String hex = Integer.toHexString(groups[g]);
                if (random.nextBoolean()) {
                    hex = "0".repeat(4 - hex.length()) + hex;
                }
                text.append(g == 0 ? "" : ":").append(random.nextBoolean() ? hex.toUpperCase() : hex);
            }
            String spelled = text.toString();
            byte[] jdk = InetAddress.getByName(spelled).getAddress(); // a literal: no DNS
            int kind = parser.parse(spelled);
            assertThat(kind).as(spelled).isEqualTo(IpParser.V6);
            assertThat(ByteBuffer.allocate(16).putLong(parser.high()).putLong(parser.low()).array()).as(spelled)
                    .isEqualTo(jdk);
            String canonical = parser.canonical(kind);
            assertThat(IpParser.normalize(canonical)).isEqualTo(canonical);
            assertThat(InetAddress.getByName(canonical).getAddress()).isEqualTo(jdk);
            assertThat(canonical).doesNotContain(":::").isEqualTo(canonical.toLowerCase());
        }
    }
}
