package io.subnet2.validator.dataset.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class Decimal18Test {

    private static BigDecimal roundTrip(long micros, long extra) {
        byte[] bytes = new byte[16];
        Decimal18.write(micros, extra, bytes);
        return Decimal18.read(bytes);
    }

    @Test
    void writesTheSameValueAsBigDecimalWouldIncludingCarriesAndLargeValues() {
        long[][] cases = {{0, 0}, {1, 0}, {1_500_000, 123}, {Long.MAX_VALUE, 999_999_999_999L},
                {18_446_744L, 999_999_999_999L}, {9_223_372L, 36_854_775_807L}, {123_456_789_012L, 1}};
        for (long[] c : cases) {
            BigDecimal expected = new BigDecimal(BigInteger.valueOf(c[0]).multiply(BigInteger.TEN.pow(12))
                    .add(BigInteger.valueOf(c[1])), 18);
            assertThat(roundTrip(c[0], c[1])).as("%d/%d", c[0], c[1]).isEqualTo(expected);
        }
        assertThat(roundTrip(2_500_000, 0)).isEqualByComparingTo("2.5");
        assertThat(Decimal18.ofMicros(2_500_000)).isEqualTo(new BigDecimal("2.500000000000000000"));
    }

    @Test
    void rejectsNegativeOrOversizedParts() {
        assertThatThrownBy(() -> Decimal18.write(-1, 0, new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decimal18.write(1, 1_000_000_000_000L, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
