package dev.canopy.diagrams.export;

import java.util.List;
import java.util.Optional;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;

/** Designs built in code for the exporter tests (the samples are read from ../samples). */
final class TestDesigns {
    private TestDesigns() {}

    static WorkerNode worker(String id) {
        return WorkerNode.of(id);
    }

    static WorkerNode worker(String id, Restart restart) {
        return WorkerNode.of(id).withSpec(WorkerNode.of(id).spec().withRestart(restart));
    }

    /** Every kind of node, every restart type, a via-name, a template, auto_shutdown, non-default flags. */
    static Design kitchenSink() {
        WorkerNode cache = worker("cache").withNaming(new Naming.Via("registry", "cache"))
                .withLabel("Cache").withNotes("Keeps hot rows.");
        WorkerNode session = worker("session", Restart.TEMPORARY);
        session = session.withSpec(session.spec().withStart("MyShop.Session", "start_link", List.of(":guest")));
        SupervisorNode pipeline = SupervisorNode.of("pipeline", List.of(
                        worker("producer"),
                        worker("consumer", Restart.TRANSIENT).withSim(WorkerNode.of("x").sim().withTrapExit(true)),
                        worker("sink", Restart.TEMPORARY)))
                .withStrategy(Strategy.REST_FOR_ONE).withIntensity(3, 10);
        WorkerNode main = worker("main", Restart.TRANSIENT);
        main = main.withSpec(main.spec().withSignificant(true).withShutdown(Shutdown.BRUTAL_KILL));
        SupervisorNode lifecycle = SupervisorNode.of("lifecycle", List.of(main, worker("helper")))
                .withStrategy(Strategy.ONE_FOR_ALL).withAutoShutdown(AutoShutdown.ANY_SIGNIFICANT);
        lifecycle = lifecycle.withSpec(lifecycle.spec().withRestart(Restart.TRANSIENT));
        DynamicSupervisorNode sessions = DynamicSupervisorNode.of("sessions").withIntensity(5, 30).withMaxChildren(100)
                .withExtraArguments(List.of("{:shop, 1}")).withChildTemplate(Optional.of(session));
        WorkerNode clock = worker("clock").withNaming(new Naming.Local("shop_clock"));
        clock = clock.withSpec(clock.spec().withShutdown(new Shutdown.Timeout(10_000)).withStart("", "start_link",
                List.of("42", "\"tick\"", "[1, 2.5, :x]")));
        SupervisorNode root = SupervisorNode.of("root", List.<DesignNode>of(
                        RegistryNode.of("registry"), cache, clock, pipeline, sessions,
                        TaskSupervisorNode.of("jobs").withIntensity(2, 4), lifecycle))
                .withIntensity(3, 5);
        return Design.of("my_shop", "A shop backend.", root);
    }

    /** Names no validator would let through: exporters must still produce exactly these atoms. */
    static Design hostile() {
        List<String> ids = List.of("end", "a\"b", "x'y", "new\nline", "#{System.halt()}", "caf\u00e9 \u00fcber \u65e5\u672c",
                "back\\slash", "*/ \\u000a", "Elixir.Kernel");
        List<DesignNode> children = new java.util.ArrayList<>();
        for (String id : ids) {
            children.add(worker(id).withLabel("label \"" + id + "\" */ %{} \\u0022").withNotes("notes\nend\n#{1}"));
        }
        SupervisorNode inner = SupervisorNode.of("do", List.of(worker("\u00e9t\u00e9"), worker("fn")))
                .withStrategy(Strategy.ONE_FOR_ALL);
        children.add(inner);
        SupervisorNode root = SupervisorNode.of("root", children).withIntensity(10, 5);
        return Design.of("Hostile \"app\"\n#{x}", "desc with \"quotes\" and #{interp} and \u00e9", root);
    }
}
