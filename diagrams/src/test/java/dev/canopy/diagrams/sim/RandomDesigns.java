package dev.canopy.diagrams.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.scenario.Step;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;
import dev.canopy.engine.term.Term;

/** Valid random designs (supervisors, dynamic supervisors, workers of every restart type) and fault scripts. */
final class RandomDesigns {
    private RandomDesigns() {
    }

    static Design design(Random r) {
        int[] budget = {3 + r.nextInt(12)};
        Design d = Design.of("random", "", supervisor("root", r, 0, budget));
        return d.withFaultScript(script(d, r));
    }

    private static DesignNode supervisor(String id, Random r, int depth, int[] budget) {
        List<DesignNode> children = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n && budget[0] > 0; i++) {
            budget[0]--;
            String cid = "n" + i;
            int kind = depth >= 3 ? 0 : r.nextInt(6);
            children.add(switch (kind) {
                case 4 -> supervisor(cid, r, depth + 1, budget);
                case 5 -> DynamicSupervisorNode.of(cid).withIntensity(r.nextInt(4), 1 + r.nextInt(5))
                        .withChildTemplate(Optional.of(worker("conn", r)));
                default -> worker(cid, r);
            });
        }
        return SupervisorNode.of(id, children).withStrategy(Strategy.values()[r.nextInt(3)])
                .withIntensity(r.nextInt(5), 1 + r.nextInt(5));
    }

    private static WorkerNode worker(String id, Random r) {
        WorkerNode w = WorkerNode.of(id);
        var sim = w.sim().withInitDurationMs(r.nextInt(4) * 50L).withTrapExit(r.nextBoolean())
                .withTerminateMs(r.nextInt(3) * 100L);
        if (r.nextInt(6) == 0) sim = sim.withInit(new InitBehaviour.Sequence(List.of(InitOutcome.OK, InitOutcome.CRASH)));
        var spec = w.spec().withRestart(Restart.values()[r.nextInt(Restart.values().length)]);
        if (r.nextBoolean()) spec = spec.withShutdown(r.nextBoolean() ? Shutdown.BRUTAL_KILL : new Shutdown.Timeout(200));
        return w.withSim(sim).withSpec(spec);
    }

    private static List<Step> script(Design d, Random r) {
        List<String> paths = DesignPaths.allPaths(d);
        List<Step> steps = new ArrayList<>();
        long at = 0;
        int n = r.nextInt(10);
        for (int i = 0; i < n; i++) {
            at += r.nextInt(800);
            String target = paths.get(r.nextInt(paths.size()));
            String parent = target.contains("/") ? target.substring(0, target.lastIndexOf('/')) : target;
            String childId = target.substring(target.lastIndexOf('/') + 1);
            steps.add(new Step(at, false, switch (r.nextInt(9)) {
                case 0 -> new Step.Exit(target, "kill");
                case 1 -> new Step.Exit(target, "boom");
                case 2 -> new Step.Crash(target);
                case 3 -> new Step.Stop(target, r.nextBoolean() ? "normal" : "shutdown");
                case 4 -> new Step.Call(target, Step.Request.PING, 0, 100 + r.nextInt(1000));
                case 5 -> new Step.TerminateChild(parent, childId);
                case 6 -> new Step.RestartChild(parent, childId);
                case 7 -> new Step.DeleteChild(parent, childId);
                default -> new Step.Crash(target);
            }));
        }
        if (r.nextInt(4) == 0) steps.add(new Step(at + 100, false, new Step.StopTree()));
        return steps;
    }

    /** A random input a person could give on top of the script. */
    static SimInput input(Design d, Random r) {
        List<String> paths = DesignPaths.allPaths(d);
        String target = paths.get(r.nextInt(paths.size()));
        return switch (r.nextInt(10)) {
            case 0 -> new SimInput.Kill(target);
            case 1 -> new SimInput.Exit(target, Term.atom("boom"));
            case 2 -> new SimInput.Raise(target);
            case 3 -> new SimInput.FailNextInit(target);
            case 4 -> new SimInput.Hang(target, 300);
            case 5 -> new SimInput.Flood(target, 1 + r.nextInt(50));
            case 6 -> new SimInput.SlowTerminate(target, 400);
            case 7 -> new SimInput.Call(target, 250);
            case 8 -> new SimInput.Send(target, "hello");
            default -> new SimInput.StartDynamicChild(target);
        };
    }
}
