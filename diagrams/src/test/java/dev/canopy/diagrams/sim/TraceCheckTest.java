package dev.canopy.diagrams.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.canopy.diagrams.scenario.ReadResult;
import dev.canopy.diagrams.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** A design goes to real OTP as scenario JSON; the two traces line up with their differences marked. */
class TraceCheckTest {

    @Test
    void a_design_and_its_fault_script_become_scenario_json_that_reads_back_as_the_same_scenario() {
        var design = SimulationSessionTest.sample("strategies");
        String json = TraceCheck.scenarioJson(design);
        var read = ScenarioReader.parse(json, "strategies.json");
        assertThat(read).isInstanceOf(ReadResult.Ok.class);
        assertThat(((ReadResult.Ok) read).scenario()).isEqualTo(TraceCheck.scenario(design));
        assertThat(TraceCheck.scenario(design).steps()).isNotEmpty();
        assertThat(TraceCheck.ourTrace(design, 1)).first().isEqualTo("-- start_tree");
        assertThat(TraceCheck.ourTrace(design, 1)).contains("-- end");
    }

    @Test
    void the_diff_keeps_common_lines_and_pairs_what_differs() {
        var ours = List.of("-- start_tree", "start root#1", "exit root/a#1 killed", "start root/a#2", "-- end");
        var otp = List.of("-- start_tree", "start root#1", "exit root/a#1 shutdown", "start root/a#2", "-- end", "");
        var rows = TraceCheck.diff(ours, otp);
        assertThat(rows).extracting(TraceCheck.Row::kind).containsExactly(TraceCheck.Kind.SAME, TraceCheck.Kind.SAME,
                TraceCheck.Kind.CHANGED, TraceCheck.Kind.SAME, TraceCheck.Kind.SAME);
        assertThat(rows.get(2)).isEqualTo(new TraceCheck.Row(TraceCheck.Kind.CHANGED, "exit root/a#1 killed", "exit root/a#1 shutdown"));
        assertThat(TraceCheck.same(ours, otp)).isFalse();
        assertThat(TraceCheck.same(otp, List.of("-- start_tree", "start root#1", "exit root/a#1 shutdown", "start root/a#2", "-- end")))
                .isTrue();
        var extra = TraceCheck.diff(List.of("x", "y"), List.of("x"));
        assertThat(extra).extracting(TraceCheck.Row::kind).containsExactly(TraceCheck.Kind.SAME, TraceCheck.Kind.ONLY_OURS);
        assertThat(TraceCheck.fileName("My Design!")).isEqualTo("my_design");
    }
}
