package dev.canopy.diagrams.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import dev.canopy.engine.cluster.scenario.MultiNodeScenario;
import dev.canopy.engine.cluster.scenario.MultiNodeScenario.ProcessRef;
import dev.canopy.engine.cluster.scenario.MultiNodeScenario.Step;

/**
 * The generated multi-node scenarios are a function of the seed and keep the rules that make their
 * OTP trace independent of real timing (see {@link MultiNodeScenarioGenerator}). That they read
 * back valid is checked where the reader lives (app: MultiNodeDifferentialCommandsTest).
 */
class MultiNodeScenarioGeneratorTest {

    @Property(tries = 100)
    void the_same_seed_gives_the_same_file(@ForAll long seed) {
        assertThat(MultiNodeScenarioWriter.write(MultiNodeScenarioGenerator.generate("a", seed)))
                .isEqualTo(MultiNodeScenarioWriter.write(MultiNodeScenarioGenerator.generate("a", seed)));
    }

    @Property(tries = 300)
    void steps_keep_the_settle_times_of_the_format(@ForAll long seed) {
        List<Step> steps = MultiNodeScenarioGenerator.generate("g", seed).steps();
        assertThat(steps.getFirst().atMs()).isZero();
        boolean split = false;
        for (int i = 1; i < steps.size(); i++) {
            Step before = steps.get(i - 1);
            long gap = steps.get(i).atMs() - before.atMs();
            assertThat(gap).as("gap before step %d", i + 1).isGreaterThanOrEqualTo(100);
            boolean splitNow = split;
            switch (before.action()) {
                case MultiNodeScenario.Partition p -> assertThat(gap).as("after partition").isGreaterThanOrEqualTo(1000);
                case MultiNodeScenario.Heal h -> assertThat(gap).as("after heal").isGreaterThanOrEqualTo(2000);
                case MultiNodeScenario.Call c when splitNow -> {
                    assertThat(c.timeoutMs()).isEqualTo(500);
                    assertThat(gap).as("after a call across a split").isGreaterThanOrEqualTo(700);
                }
                case MultiNodeScenario.Monitor m when splitNow -> assertThat(gap).isGreaterThanOrEqualTo(700);
                case MultiNodeScenario.MonitorNode m when splitNow -> assertThat(gap).isGreaterThanOrEqualTo(700);
                case MultiNodeScenario.Link l when splitNow -> assertThat(gap).isGreaterThanOrEqualTo(700);
                default -> { }
            }
            if (before.action() instanceof MultiNodeScenario.Partition) split = true;
            if (before.action() instanceof MultiNodeScenario.Heal) split = false;
        }
    }

    @Property(tries = 300)
    void one_clean_partition_at_most_from_a_full_mesh(@ForAll long seed) {
        MultiNodeScenario s = MultiNodeScenarioGenerator.generate("g", seed);
        assertThat(s.nodes()).hasSizeBetween(2, 3);
        assertThat(s.steps()).filteredOn(st -> st.action() instanceof MultiNodeScenario.Partition).hasSizeLessThanOrEqualTo(1);
        boolean split = false;
        for (Step step : s.steps()) {
            assertThat(step.action()).isNotInstanceOf(MultiNodeScenario.Disconnect.class);
            if (step.action() instanceof MultiNodeScenario.Partition p) {
                assertThat(split).as("partition only from a full mesh").isFalse();
                List<String> all = p.groups().stream().flatMap(List::stream).toList();
                assertThat(all).containsExactlyElementsOf(s.nodes());
                assertThat(p.groups()).hasSizeGreaterThanOrEqualTo(2);
                // Three nodes: a|b|c or a|b,c only (a,b|c is left to timing on OTP).
                assertThat(p.groups().getFirst()).containsExactly("a");
                split = true;
            }
            if (step.action() instanceof MultiNodeScenario.Heal) {
                assertThat(split).as("heal only a split cluster").isTrue();
                split = false;
            }
            if (step.action() instanceof MultiNodeScenario.Overlap) assertThat(split).isTrue();
        }
    }

    @Property(tries = 300)
    void ids_are_never_reused_and_only_a_surely_living_process_links(@ForAll long seed) {
        MultiNodeScenario s = MultiNodeScenarioGenerator.generate("g", seed);
        Set<String> ids = new HashSet<>();
        Set<ProcessRef> spawned = new HashSet<>();
        Set<ProcessRef> mayBeDead = new HashSet<>();
        List<ProcessRef> named = new ArrayList<>();
        for (Step step : s.steps()) {
            switch (step.action()) {
                case MultiNodeScenario.Spawn sp -> {
                    assertThat(ids.add(sp.target().id())).as("id %s reused", sp.target().id()).isTrue();
                    spawned.add(sp.target());
                }
                case MultiNodeScenario.Kill k -> mayBeDead.add(k.target());
                case MultiNodeScenario.RegisterGlobal r -> mayBeDead.add(r.target());
                case MultiNodeScenario.Link l -> {
                    assertThat(l.target()).isNotEqualTo(l.to());
                    assertThat(mayBeDead).as("link from %s", l.target().label()).doesNotContain(l.target());
                    if (l.to().node().equals(l.target().node())) {
                        assertThat(mayBeDead).as("local link to %s", l.to().label()).doesNotContain(l.to());
                    }
                    mayBeDead.add(l.target());
                    mayBeDead.add(l.to());
                    named.add(l.to());
                }
                case MultiNodeScenario.Monitor m -> named.add(m.target());
                case MultiNodeScenario.Call c when c.target() instanceof MultiNodeScenario.ProcessTarget t -> named.add(t.process());
                default -> { }
            }
        }
        assertThat(spawned).containsAll(named);
    }
}
