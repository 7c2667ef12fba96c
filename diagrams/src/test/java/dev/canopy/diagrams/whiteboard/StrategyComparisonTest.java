package dev.canopy.diagrams.whiteboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.engine.supervisor.Strategy;
import org.junit.jupiter.api.Test;

class StrategyComparisonTest {

    @Test
    void theThreeStrategiesDifferAsOtpSays() {
        var d = Samples.load("strategies");
        var c = StrategyComparison.run(d, "root/one_for_one", new SimInput.Raise("root/one_for_one/b"), 42, 2000);
        assertThat(c.runs()).extracting(StrategyComparison.Run::strategy)
                .containsExactly(Strategy.ONE_FOR_ONE, Strategy.ONE_FOR_ALL, Strategy.REST_FOR_ONE);

        var ofo = c.run(Strategy.ONE_FOR_ONE);
        assertThat(restartedPaths(ofo)).containsExactly("root/one_for_one/b");
        assertThat(ofo.stopped()).isZero();

        var ofa = c.run(Strategy.ONE_FOR_ALL);
        // c and a stopped in reverse start order, then a, b, c started in start order.
        assertThat(ofa.afterFault().stream().filter(e -> e.kind() == SimEvent.Kind.STOPPED_BY_SUPERVISOR).map(SimEvent::path))
                .containsExactly("root/one_for_one/c", "root/one_for_one/a");
        assertThat(restartedPaths(ofa)).containsExactly("root/one_for_one/a", "root/one_for_one/b", "root/one_for_one/c");
        assertThat(ofa.restarted()).isEqualTo(3);
        assertThat(ofa.stopped()).isEqualTo(2);

        var rfo = c.run(Strategy.REST_FOR_ONE);
        assertThat(restartedPaths(rfo)).containsExactly("root/one_for_one/b", "root/one_for_one/c");
        assertThat(rfo.stopped()).isEqualTo(1);

        for (var r : c.runs()) {
            assertThat(r.notRunning()).isEmpty();
            assertThat(r.afterFault().getFirst().kind()).isEqualTo(SimEvent.Kind.INPUT);
            assertThat(r.afterFault().getFirst().atMs()).isEqualTo(StrategyComparison.FAULT_AT_MS);
            // Same seed, same boot: the logs agree up to the fault.
            assertThat(r.log().subList(0, r.log().size() - r.afterFault().size()))
                    .isEqualTo(ofo.log().subList(0, ofo.log().size() - ofo.afterFault().size()));
        }
    }

    @Test
    void theSameComparisonTwiceIsIdentical() {
        var d = Samples.load("classic_application");
        var one = StrategyComparison.run(d, "app", new SimInput.Kill("app/cache"), 3, 1500);
        var two = StrategyComparison.run(d, "app", new SimInput.Kill("app/cache"), 3, 1500);
        for (var s : Strategy.values()) {
            assertThat(two.run(s).log()).isEqualTo(one.run(s).log());
            assertThat(two.run(s).states()).isEqualTo(one.run(s).states());
        }
        // one_for_all at the top restarts the whole application's children, subtrees included.
        assertThat(one.run(Strategy.ONE_FOR_ALL).restarted()).isEqualTo(5);
        assertThat(one.run(Strategy.REST_FOR_ONE).restarted()).isEqualTo(3);
    }

    private static java.util.List<String> restartedPaths(StrategyComparison.Run r) {
        return r.afterFault().stream().filter(e -> e.kind() == SimEvent.Kind.RESTARTED).map(SimEvent::path).toList();
    }
}
