package dev.canopy.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class SoakBenchTest {

    @Test
    void heap_growth_is_the_least_squares_slope_per_hour() {
        // fitted by hand: slope 0.01333 MB/s over these four samples
        List<double[]> samples = List.of(new double[] {0, 100}, new double[] {60, 101.5}, new double[] {120, 102},
                new double[] {180, 102.5});
        assertThat(SoakBench.slopePerHour(samples)).isCloseTo(47.999, within(0.01));
        assertThat(SoakBench.slopePerHour(List.of(new double[] {0, 5}))).isZero();
    }

    @Test
    void soak_is_registered_on_the_command_line() {
        assertThat(Benchmarks.names()).contains("soak");
    }
}
