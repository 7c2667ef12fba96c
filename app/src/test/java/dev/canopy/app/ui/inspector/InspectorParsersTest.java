package dev.canopy.app.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.canopy.diagrams.design.ChildSpecFields;
import dev.canopy.diagrams.design.DesignKind;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.supervisor.Shutdown;
import org.junit.jupiter.api.Test;

/** The inspector's text → value parsers: what they accept, and the sentence they refuse with. */
class InspectorParsersTest {

    @Test
    void init_outcomes_round_trip() {
        for (String text : List.of("ok", "crash", "ignore", "ok,crash", "crash,crash,ok", "crash_first:2")) {
            assertThat(InspectorValues.initText(InspectorValues.initOf(text))).isEqualTo(text);
        }
        assertThat(InspectorValues.initOf(" OK, crash ")).isEqualTo(
                new InitBehaviour.Sequence(List.of(InitOutcome.OK, InitOutcome.CRASH)));
        assertThatThrownBy(() -> InspectorValues.initOf("ok,boom")).hasMessageContaining("'boom' is not ok, crash or ignore");
        assertThatThrownBy(() -> InspectorValues.initOf("crash_first:x")).hasMessageContaining("crash_first needs");
    }

    @Test
    void shutdown_max_children_and_numbers() {
        ChildSpecFields spec = ChildSpecFields.defaults(DesignKind.WORKER);
        assertThat(InspectorValues.shutdown("brutal_kill").apply(spec).shutdown()).isEqualTo(Shutdown.BRUTAL_KILL);
        assertThat(InspectorValues.shutdown("Infinity").apply(spec).shutdown()).isEqualTo(Shutdown.INFINITY);
        assertThat(InspectorValues.shutdown("250").apply(spec).shutdown()).isEqualTo(new Shutdown.Timeout(250));
        assertThatThrownBy(() -> InspectorValues.shutdown("soon")).hasMessageContaining("'soon' is not brutal_kill");
        assertThatThrownBy(() -> InspectorValues.shutdown("-1")).hasMessageContaining("0 ms or more");

        assertThat(InspectorValues.maxChildrenOf("infinity")).isEqualTo(DynamicSupervisorNode.INFINITY);
        assertThat(InspectorValues.maxChildrenOf(" 12 ")).isEqualTo(12);
        assertThatThrownBy(() -> InspectorValues.maxChildrenOf("lots")).hasMessageContaining("neither infinity");
        assertThat(InspectorValues.wholeNumber("-1")).isEqualTo(-1);
        assertThatThrownBy(() -> InspectorValues.wholeNumber("abc")).hasMessage("'abc' is not a whole number");
        assertThat(InspectorValues.rateOf("2.5")).isEqualTo(2.5);
        assertThatThrownBy(() -> InspectorValues.rateOf("NaN")).hasMessageContaining("is not a number");
        assertThat(InspectorValues.idOf("sim.dependency.backoff_ms")).isEqualTo("inspector-sim-dependency-backoff_ms");
    }
}
