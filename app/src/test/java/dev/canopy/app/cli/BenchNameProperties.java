package dev.canopy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.app.bench.Benchmarks;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class BenchNameProperties {

    @Property(tries = 50)
    void unknown_benchmark_names_are_usage_errors(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String name) {
        Assume.that(!Benchmarks.names().contains(name));
        CanopyCommandTest.Run r = CanopyCommandTest.run("bench", name);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("unknown benchmark '" + name + "'");
    }
}
