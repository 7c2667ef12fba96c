package dev.canopy.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void median_is_beam_benchs_lower_middle() {
        assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.0);
        assertThat(Stats.median(List.of(7.0))).isEqualTo(7.0);
    }

    @Test
    void values_have_one_decimal_like_float_to_list_decimals_1() {
        assertThat(Stats.fmt(1234567.891)).isEqualTo("1234567.9");
        assertThat(Stats.fmt(2632.25)).isEqualTo("2632.3");
        assertThat(Stats.fmt(12)).isEqualTo("12.0");
    }

    @Test
    void report_prints_median_then_min_and_max() {
        var bytes = new ByteArrayOutputStream();
        Stats.report(new PrintStream(bytes, true, StandardCharsets.UTF_8), "canopy_x", List.of(5.0, 1.0, 9.0), "hops/s");
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "canopy_x 5.0 hops/s", "canopy_x_min 1.0 hops/s", "canopy_x_max 9.0 hops/s");
    }

    @Test
    void rate_is_per_second() {
        assertThat(Stats.rate(1000, 500_000_000L)).isEqualTo(2000.0);
    }
}
