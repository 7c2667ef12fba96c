package dev.canopy.diagrams.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.scenario.NodeKind;
import dev.canopy.engine.scenario.NodeSpec;
import dev.canopy.engine.scenario.Step;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;

/** Any design the model can hold, valid or not, survives save and load unchanged, byte for byte. */
class DesignRoundTripProperties {

    @Property(tries = 200)
    void random_designs_round_trip(@ForAll("designs") Design design) {
        String text = DesignWriter.write(design);
        LoadResult result = DesignReader.parse(text, "random");
        assertThat(result).as("%s\n%s", result, text).isInstanceOf(LoadResult.Loaded.class);
        LoadResult.Loaded loaded = (LoadResult.Loaded) result;
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.design()).isEqualTo(design);
        assertThat(DesignWriter.write(loaded.design())).isEqualTo(text);
    }

    @Provide
    Arbitrary<Design> designs() {
        Arbitrary<DesignNode> root = supervisor(2);
        return Combinators.combine(text(), text(), Arbitraries.integers().between(-1, 5), root, Arbitraries.integers().between(0, 4))
                .as((name, description, nodes, tree, steps) ->
                        new Design(1, name, description, nodes, tree, steps(tree.id(), steps)));
    }

    private static List<Step> steps(String rootId, int n) {
        List<Step> steps = new ArrayList<>();
        if (!rootId.matches("[A-Za-z0-9_]+")) return steps; // targets are slash paths of scenario ids
        String target = rootId + "/a";
        for (int i = 0; i < n; i++) {
            long at = 100L * (i + 1);
            steps.add(switch (i) {
                case 0 -> new Step(at, false, new Step.Crash(target));
                case 1 -> new Step(at, true, new Step.Exit(rootId, "{shutdown,bye}"));
                case 2 -> new Step(at, false, new Step.Call(target, Step.Request.SLEEP, 20, 100));
                default -> new Step(at, false, new Step.StartChild(rootId, NodeSpec.defaults("c" + i, NodeKind.WORKER)));
            });
        }
        steps.add(new Step(1000, false, new Step.StopTree()));
        return steps;
    }

    /** Printable ASCII plus characters a writer must escape or encode. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', '"', '\\', 'é', '中', '\u0001')
                .ofMaxLength(12);
    }

    private static Arbitrary<String> id() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6), text());
    }

    private static Arbitrary<List<String>> texts() {
        return text().list().ofMaxSize(3);
    }

    private static Arbitrary<InitBehaviour> init() {
        return Arbitraries.oneOf(
                Arbitraries.of(InitOutcome.class).list().ofMinSize(1).ofMaxSize(4).map(InitBehaviour.Sequence::new),
                Arbitraries.integers().between(0, 5).map(InitBehaviour.CrashFirst::new));
    }

    private static Arbitrary<Shutdown> shutdown() {
        return Arbitraries.oneOf(Arbitraries.just(Shutdown.BRUTAL_KILL), Arbitraries.just(Shutdown.INFINITY),
                Arbitraries.longs().between(0, 10_000_000_000L).map(Shutdown.Timeout::new));
    }

    private static Arbitrary<ChildSpecFields> spec() {
        return Combinators.combine(text(), text(), texts(), Arbitraries.of(Restart.class), shutdown(),
                        Arbitraries.of(true, false), texts())
                .as(ChildSpecFields::new);
    }

    private static Arbitrary<Integer> smallInt() {
        return Arbitraries.integers().between(-3, 100);
    }

    private static Arbitrary<DesignNode> node(int depth) {
        if (depth <= 0) return Arbitraries.oneOf(worker().map(w -> w), registry(), taskSupervisor());
        return Arbitraries.oneOf(worker().map(w -> w), registry(), taskSupervisor(), dynamic(), supervisor(depth - 1));
    }

    private static Arbitrary<DesignNode> supervisor(int depth) {
        return Combinators.combine(id(), text(), text(), spec(), init(), Arbitraries.of(Strategy.class), smallInt(), smallInt())
                .flatAs((id, label, notes, spec, init, strategy, r, s) -> Combinators.combine(
                                Arbitraries.of(AutoShutdown.class), node(depth).list().ofMaxSize(3))
                        .as((auto, children) -> new SupervisorNode(id, label, notes, spec, init, strategy, r, s, auto, children)));
    }

    private static Arbitrary<DesignNode> dynamic() {
        return Combinators.combine(id(), text(), text(), spec(), init(), smallInt(), smallInt(), smallInt())
                .flatAs((id, label, notes, spec, init, r, s, max) -> Combinators.combine(texts(), worker().optional())
                        .as((extra, template) -> new DynamicSupervisorNode(id, label, notes, spec, init, r, s, max, extra, template)));
    }

    private static Arbitrary<DesignNode> taskSupervisor() {
        return Combinators.combine(id(), text(), text(), spec(), smallInt(), smallInt(), smallInt())
                .as(TaskSupervisorNode::new);
    }

    private static Arbitrary<DesignNode> registry() {
        return Combinators.combine(id(), text(), text(), spec(), Arbitraries.of(RegistryNode.Keys.class), smallInt())
                .as(RegistryNode::new);
    }

    private static Arbitrary<WorkerNode> worker() {
        Arbitrary<Dependency> dependency = Combinators.combine(Arbitraries.of(Dependency.Kind.class),
                Arbitraries.of(Dependency.Connect.class), Arbitraries.longs().between(-5, 100_000)).as(Dependency::new);
        Arbitrary<Naming> naming = Arbitraries.oneOf(Arbitraries.just(Naming.NONE), text().map(Naming.Local::new),
                text().map(Naming.Global::new), Combinators.combine(id(), text()).as(Naming.Via::new));
        Arbitrary<WorkerSim> sim = Combinators.combine(Arbitraries.longs().between(-1, 60_000), init(), Arbitraries.of(true, false),
                        Arbitraries.longs().between(-1, 60_000), dependency, Arbitraries.longs().between(0, 5000),
                        Arbitraries.doubles().between(-1, 1e6), text().optional())
                .as((initMs, init, trap, term, dep, latency, rate, crash) ->
                        new WorkerSim(initMs, init, trap, term, dep, latency, rate, crash.orElse(null)));
        return Combinators.combine(id(), text(), text(), spec(), sim, naming).as(WorkerNode::new);
    }

}
