package dev.canopy.engine.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.canopy.engine.scenario.ScenarioRunner;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The live scheduler (real threads and clock, Node.live()) keeps OTP's causal orders too: a
 * scenario whose outcome does not depend on timing gives the deterministic scheduler's trace
 * (which matches OTP's) on every live run, whatever the threads' interleaving. Uses only the
 * public API (ScenarioRunner.traceLive), so it survives a rewrite of the runtime.
 */
class LiveSchedulerPropertiesTest {

    /** call_semantics is left out: whether a call times out is a race against a real timer there. */
    static final List<String> TIMING_FREE = ScenarioCausalOrderPropertiesTest.NAMES.stream()
            .filter(n -> !n.equals("call_semantics")).toList();

    /** Steps 3× further apart in real time, as in LiveSchedulerConformanceTest: a loaded machine must not reorder a step's effects after the next marker. */
    static final int SPACING = 3;

    /** Every scenario three times (jqwik enumerates the 12 combinations): each live run interleaves differently. */
    @Property(tries = 12)
    void everyLiveRunGivesTheDeterministicTrace(@ForAll @IntRange(min = 0, max = 3) int which,
            @ForAll @IntRange(min = 1, max = 3) int run) throws Exception {
        String name = TIMING_FREE.get(which);
        assertThat(TIMING_FREE).hasSize(4);
        assertThat(ScenarioRunner.traceLive(ScenarioCausalOrderPropertiesTest.SCENARIOS_BY_NAME.get(name), 60_000, SPACING))
                .as("%s on Node.live(), run %d", name, run)
                .containsExactlyElementsOf(ScenarioCausalOrderPropertiesTest.seedOne(name));
    }
}
