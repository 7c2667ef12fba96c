package dev.canopy.engine.scenario;

import dev.canopy.engine.supervisor.Strategy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioRunnerSmokeTest {
    private static NodeSpec worker(String id, boolean trap) {
        var d = NodeSpec.defaults(id, NodeKind.WORKER);
        return new NodeSpec(id, NodeKind.WORKER, d.init(), d.restart(), d.shutdown(), false, trap, 0,
                d.strategy(), d.maxRestarts(), d.maxSeconds(), d.autoShutdown(), -1, List.of());
    }

    @Test
    void oneForAllRestartsSiblingsInReverseThenStartOrder() {
        var d = NodeSpec.defaults("root", NodeKind.SUPERVISOR);
        var root = new NodeSpec("root", NodeKind.SUPERVISOR, d.init(), d.restart(), d.shutdown(), false, false, 0,
                Strategy.ONE_FOR_ALL, 5, 5, d.autoShutdown(), -1,
                List.of(worker("a", false), worker("b", false), worker("c", true), worker("d", false)));
        var scenario = new Scenario("s", "", root, List.of(
                new Step(100, false, new Step.Crash("root/b")),
                new Step(300, false, new Step.Exit("root/d", "boom")),
                new Step(500, false, new Step.Exit("root/a", "kill")),
                new Step(700, false, new Step.StopTree())));
        var lines = ScenarioRunner.trace(scenario, 1);
        assertThat(lines).containsExactly(
                "-- start_tree", "start root#1", "start root/a#1", "start root/b#1", "start root/c#1", "start root/d#1",
                "start_tree => ok",
                "-- step 1 @100 crash root/b",
                "terminate root/b#1 error", "exit root/b#1 error", "exit root/d#1 shutdown",
                "terminate root/c#1 shutdown", "exit root/c#1 shutdown", "exit root/a#1 shutdown",
                "start root/a#2", "start root/b#2", "start root/c#2", "start root/d#2",
                "-- step 2 @300 exit root/d boom",
                "exit root/d#2 boom", "terminate root/c#2 shutdown", "exit root/c#2 shutdown", "exit root/b#2 shutdown",
                "exit root/a#2 shutdown", "start root/a#3", "start root/b#3", "start root/c#3", "start root/d#3",
                "-- step 3 @500 exit root/a kill",
                "exit root/a#3 killed", "exit root/d#3 shutdown", "terminate root/c#3 shutdown", "exit root/c#3 shutdown",
                "exit root/b#3 shutdown", "start root/a#4", "start root/b#4", "start root/c#4", "start root/d#4",
                "-- step 4 @700 stop_tree",
                "exit root/d#4 shutdown", "terminate root/c#4 shutdown", "exit root/c#4 shutdown", "exit root/b#4 shutdown",
                "exit root/a#4 shutdown", "exit root#1 shutdown",
                "-- end");
    }
}
