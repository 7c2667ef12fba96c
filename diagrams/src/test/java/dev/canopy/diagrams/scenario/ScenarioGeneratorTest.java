package dev.canopy.diagrams.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import dev.canopy.engine.scenario.NodeKind;
import dev.canopy.engine.scenario.NodeSpec;
import dev.canopy.engine.scenario.Scenario;
import dev.canopy.engine.scenario.Step;

/**
 * The generated scenarios are valid conformance files, a function of the seed, and keep the
 * rules that make their OTP trace independent of real timing (see {@link ScenarioGenerator}).
 */
class ScenarioGeneratorTest {

    @Property(tries = 300)
    void a_generated_scenario_is_valid_and_reads_back_equal(@ForAll long seed) {
        Scenario s = ScenarioGenerator.generate("gen_x", seed);
        String json = ScenarioWriter.write(s);
        ReadResult r = ScenarioReader.parse(json, "gen_x.json");
        assertThat(r).as(json).isInstanceOf(ReadResult.Ok.class);
        assertThat(((ReadResult.Ok) r).scenario()).isEqualTo(s);
    }

    @Property(tries = 100)
    void the_same_seed_gives_the_same_scenario(@ForAll long seed) {
        assertThat(ScenarioWriter.write(ScenarioGenerator.generate("a", seed)))
                .isEqualTo(ScenarioWriter.write(ScenarioGenerator.generate("a", seed)));
    }

    @Property(tries = 300)
    void steps_are_spaced_windows_cover_the_run_and_the_tree_is_stopped_explicitly(@ForAll long seed) {
        Scenario s = ScenarioGenerator.generate("g", seed);
        List<Step> steps = s.steps();
        assertThat(steps.getLast().action()).isInstanceOf(Step.StopTree.class);
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).atMs() - steps.get(i - 1).atMs()).isGreaterThanOrEqualTo(150);
        }
        long runMs = steps.getLast().atMs();
        List<NodeSpec> supervisors = new ArrayList<>();
        collectSupervisors(s.tree(), supervisors);
        for (Step step : steps) {
            if (step.action() instanceof Step.StartChild c) collectSupervisors(c.child(), supervisors);
        }
        for (NodeSpec sup : supervisors) {
            assertThat(sup.maxSeconds() * 1000L).as(sup.id()).isGreaterThanOrEqualTo(runMs + 1000);
        }
    }

    @Property(tries = 300)
    void killing_a_supervisor_outright_happens_only_in_unordered_steps(@ForAll long seed) {
        Scenario s = ScenarioGenerator.generate("g", seed);
        for (Step step : s.steps()) {
            if (step.action() instanceof Step.Exit e && e.reason().equals("kill") && isSupervisorPath(s, e.target())) {
                assertThat(step.unordered()).isTrue();
            }
            if (step.action() instanceof Step.StartChild c && c.target().contains("/")
                    && isDynamic(s, c.target())) {
                assertThat(c.child().kind()).isEqualTo(NodeKind.WORKER);
            }
        }
    }

    @Property(tries = 300)
    void no_significant_child_is_a_bad_combination(@ForAll long seed) {
        Scenario s = ScenarioGenerator.generate("g", seed);
        List<NodeSpec> supervisors = new ArrayList<>();
        collectSupervisors(s.tree(), supervisors);
        for (Step step : s.steps()) {
            if (step.action() instanceof Step.StartChild c) {
                collectSupervisors(c.child(), supervisors);
                assertThat(c.child().significant()).isFalse();
            }
        }
        for (NodeSpec sup : supervisors) {
            for (NodeSpec c : sup.children()) {
                if (c.significant()) {
                    assertThat(c.restart()).isNotEqualTo(dev.canopy.engine.supervisor.Restart.PERMANENT);
                    assertThat(sup.autoShutdown()).isNotEqualTo(dev.canopy.engine.supervisor.AutoShutdown.NEVER);
                }
            }
        }
    }

    @Property(tries = 20)
    void neighbouring_cases_of_one_run_differ(@ForAll @IntRange(min = 0, max = 10_000) int index) {
        assertThat(ScenarioGenerator.caseSeed(1, index)).isNotEqualTo(ScenarioGenerator.caseSeed(1, index + 1));
    }

    @Test
    void a_thousand_cases_use_every_kind_of_step() {
        var seen = new java.util.HashSet<Class<?>>();
        for (int i = 0; i < 1000; i++) {
            for (Step step : ScenarioGenerator.generate("g", ScenarioGenerator.caseSeed(7, i)).steps()) {
                seen.add(step.action().getClass());
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(Step.Exit.class, Step.Crash.class, Step.Stop.class, Step.Call.class,
                Step.StartChild.class, Step.TerminateChild.class, Step.RestartChild.class, Step.DeleteChild.class,
                Step.StopTree.class);
    }

    private static void collectSupervisors(NodeSpec n, List<NodeSpec> out) {
        if (n.isSupervisor()) out.add(n);
        for (NodeSpec c : n.children()) collectSupervisors(c, out);
    }

    private static boolean isSupervisorPath(Scenario s, String path) {
        NodeSpec n = find(s.tree(), s.tree().id(), path);
        return n != null ? n.isSupervisor() : !path.matches(".*/[wc]\\d+$");
    }

    private static boolean isDynamic(Scenario s, String path) {
        NodeSpec n = find(s.tree(), s.tree().id(), path);
        return n != null && n.kind() == NodeKind.DYNAMIC_SUPERVISOR;
    }

    private static NodeSpec find(NodeSpec n, String at, String path) {
        if (at.equals(path)) return n;
        for (NodeSpec c : n.children()) {
            NodeSpec f = find(c, at + "/" + c.id(), path);
            if (f != null) return f;
        }
        return null;
    }
}
