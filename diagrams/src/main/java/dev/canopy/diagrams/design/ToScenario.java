package dev.canopy.diagrams.design;

import java.util.List;

import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.scenario.NodeKind;
import dev.canopy.engine.scenario.NodeSpec;
import dev.canopy.engine.scenario.Scenario;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Strategy;

/**
 * Turns a design into the engine's {@link Scenario}, so that the engine can run it: a
 * task_supervisor runs as a dynamic_supervisor, a registry as a plain worker; the design-only
 * fields (labels, start modules, naming, simulation details) are dropped. A conformance scenario
 * opened as a design converts back to the scenario ScenarioReader reads.
 */
public final class ToScenario {

    private ToScenario() {
    }

    /** A design that breaks a rule: the engine does not start it. */
    public static final class InvalidDesignException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<DesignProblem> problems;

        public InvalidDesignException(List<DesignProblem> problems) {
            super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + "; first: at " + problems.getFirst().jsonPath() + ": "
                    + problems.getFirst().message());
            this.problems = List.copyOf(problems);
        }

        public List<DesignProblem> problems() {
            return problems;
        }
    }

    /**
     * The scenario to start, after {@link DesignValidator#validate} found no error: the same check
     * the app shows, so the app and the engine never disagree.
     */
    public static Scenario checked(Design design) {
        List<DesignProblem> errors = DesignValidator.validate(design).stream().filter(DesignProblem::isError).toList();
        if (!errors.isEmpty()) throw new InvalidDesignException(errors);
        return convert(design);
    }

    /** The conversion alone, without validation. */
    public static Scenario convert(Design design) {
        return new Scenario(design.name(), design.description(), node(design.root()), design.faultScript());
    }

    public static NodeSpec node(DesignNode node) {
        ChildSpecFields s = node.spec();
        return switch (node) {
            case SupervisorNode sup -> new NodeSpec(sup.id(), NodeKind.SUPERVISOR, sup.init(), s.restart(), s.shutdown(),
                    s.significant(), false, 0, sup.strategy(), sup.maxRestarts(), sup.maxSeconds(), sup.autoShutdown(),
                    -1, sup.children().stream().map(ToScenario::node).toList());
            case DynamicSupervisorNode d -> dynamic(d.id(), d.init(), s, d.maxRestarts(), d.maxSeconds(), d.maxChildren());
            case TaskSupervisorNode t -> dynamic(t.id(), InitBehaviour.OK, s, t.maxRestarts(), t.maxSeconds(), t.maxChildren());
            case WorkerNode w -> new NodeSpec(w.id(), NodeKind.WORKER, w.sim().init(), s.restart(), s.shutdown(),
                    s.significant(), w.sim().trapExit(), w.sim().terminateMs(), Strategy.ONE_FOR_ONE,
                    SupervisorNode.DEFAULT_MAX_RESTARTS, SupervisorNode.DEFAULT_MAX_SECONDS, AutoShutdown.NEVER, -1, List.of());
            case RegistryNode r -> new NodeSpec(r.id(), NodeKind.WORKER, InitBehaviour.OK, s.restart(), s.shutdown(),
                    s.significant(), false, 0, Strategy.ONE_FOR_ONE, SupervisorNode.DEFAULT_MAX_RESTARTS,
                    SupervisorNode.DEFAULT_MAX_SECONDS, AutoShutdown.NEVER, -1, List.of());
        };
    }

    private static NodeSpec dynamic(String id, InitBehaviour init, ChildSpecFields s, int maxRestarts, int maxSeconds,
                                    int maxChildren) {
        return new NodeSpec(id, NodeKind.DYNAMIC_SUPERVISOR, init, s.restart(), s.shutdown(), s.significant(), false, 0,
                Strategy.ONE_FOR_ONE, maxRestarts, maxSeconds, AutoShutdown.NEVER, maxChildren, List.of());
    }
}
