package dev.skylift.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PairSortTest {

    static Stream<Arguments> shapes() {
        List<Arguments> cases = new ArrayList<>();
        for (KeyPatterns pattern : KeyPatterns.values()) {
            for (int size : new int[] {0, 1, 2, 3, 24, 25, 100, 1000, 5000}) {
                cases.add(Arguments.of(pattern, size));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1} keys")
    @MethodSource("shapes")
    void sortsKeysAndCarriesEachValueWithItsKey(KeyPatterns pattern, int size) {
        long[] original = pattern.keys(size, size);
        // Spread the keys over the whole long range the builder packs pairs into.
        for (int i = 0; i < size; i++) {
            original[i] = original[i] * 0x0000_0001_0000_0001L + (original[i] << 40);
        }
        long[] keys = original.clone();
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = i;
        }

        PairSort.sort(keys, values, 0, size);

        long[] expected = original.clone();
        Arrays.sort(expected);
        assertThat(keys).isEqualTo(expected);
        boolean[] seen = new boolean[size];
        for (int i = 0; i < size; i++) {
            int from = (int) values[i];
            assertThat(seen[from]).as("value %d appears twice", from).isFalse();
            seen[from] = true;
            assertThat(keys[i]).as("key carried with value %d", from).isEqualTo(original[from]);
        }
    }

    @Test
    void sortsOnlyTheGivenRange() {
        long[] original = KeyPatterns.medianOfThreeKiller(600);
        long[] keys = original.clone();
        double[] values = new double[600];
        for (int i = 0; i < 600; i++) {
            values[i] = -i;
        }

        PairSort.sort(keys, values, 100, 500);

        assertThat(Arrays.copyOfRange(keys, 0, 100)).isEqualTo(Arrays.copyOfRange(original, 0, 100));
        assertThat(Arrays.copyOfRange(keys, 500, 600)).isEqualTo(Arrays.copyOfRange(original, 500, 600));
        long[] middle = Arrays.copyOfRange(original, 100, 500);
        Arrays.sort(middle);
        assertThat(Arrays.copyOfRange(keys, 100, 500)).isEqualTo(middle);
        for (int i = 0; i < 600; i++) {
            int from = (int) -values[i];
            assertThat(keys[i]).isEqualTo(original[from]);
            assertThat(from >= 100 && from < 500).isEqualTo(i >= 100 && i < 500);
        }
    }
}
