package dev.canopy.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessBody;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.runtime.Node;
import dev.canopy.engine.supervisor.ChildInfo;
import dev.canopy.engine.supervisor.ChildSpec;
import dev.canopy.engine.supervisor.Reply;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;
import dev.canopy.engine.supervisor.SupervisorFlags;
import dev.canopy.engine.supervisor.SupervisorInit;
import dev.canopy.engine.supervisor.Supervisors;
import dev.canopy.engine.term.Term;

/**
 * {@code canopy bench sim}: the deterministic scheduler (one seed, virtual time) driven from
 * this thread with {@code runUntilIdle}, the way the simulator runs.
 * <ul>
 * <li>{@code canopy_sim_ring}: a ring of {@value #RING_N} processes passing one token
 * {@value #RING_M} hops; delivered messages per second.</li>
 * <li>{@code canopy_sim_storm}: a one_for_one supervisor with {@value #STORM_CHILDREN} gen_server
 * workers, every one killed per round and restarted; delivered messages per second (every
 * message the run moved into a mailbox: exits, calls, acks, DOWNs) and restarts per second.</li>
 * <li>{@code canopy_sim_tree_start}: a tree of {@value #TREE_SUPS} supervisors with
 * {@value #TREE_WORKERS} gen_server workers each ({@value #TREE_SUPS} × {@value #TREE_WORKERS} +
 * {@value #TREE_SUPS} + 2 processes) started until idle; milliseconds.</li>
 * </ul>
 * Medians of 5 rounds after 1 warm-up (3 after 1 for the tree), {@code _min} and {@code _max}.
 */
public final class SimBench implements Bench {
    static final int RING_N = 10_000;
    static final int RING_M = 1_000_000;
    static final int STORM_CHILDREN = 1_000;
    static final int TREE_SUPS = 100;
    static final int TREE_WORKERS = 1_000;
    private static final long SEED = 42;

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Stats.report(out, "canopy_sim_ring", ring(), "msgs/s");
        List<double[]> storm = storm();
        Stats.report(out, "canopy_sim_storm", storm.stream().map(a -> a[0]).toList(), "msgs/s");
        Stats.report(out, "canopy_sim_storm_restarts", storm.stream().map(a -> a[1]).toList(), "restarts/s");
        Stats.report(out, "canopy_sim_tree_start", tree(), "ms");
    }

    record Next(Pid next) {
    }

    static List<Double> ring() throws Exception {
        try (Node node = Node.deterministic(SEED)) {
            ProcessBody member = c -> {
                Pid next = c.receive(Matcher.type(Next.class)).next();
                Matcher<Integer> token = Matcher.type(Integer.class);
                while (true) {
                    int k = c.receive(token);
                    if (k > 0) c.send(next, k - 1);
                }
            };
            List<Pid> pids = new ArrayList<>(RING_N);
            for (int i = 0; i < RING_N; i++) pids.add(node.spawn(member));
            for (int i = 0; i < RING_N; i++) node.send(pids.get(i), new Next(pids.get((i + 1) % RING_N)));
            node.simulation().runUntilIdle();
            return Driver.rounds(1, 5, () -> {
                long d0 = node.messagesDelivered();
                long s = System.nanoTime();
                node.send(pids.get(0), RING_M);
                node.simulation().runUntilIdle();
                long e = System.nanoTime();
                return Stats.rate(node.messagesDelivered() - d0, e - s);
            });
        }
    }


    enum Round { GO }

    static List<double[]> storm() throws Exception {
        try (Node node = Node.deterministic(SEED)) {
            Pid driver = node.spawn(ctx -> {
                ctx.trapExit(true);
                Pid collector = ctx.self();
                List<ChildSpec> kids = new ArrayList<>(STORM_CHILDREN);
                for (int i = 1; i <= STORM_CHILDREN; i++) {
                    kids.add(ChildSpec.worker(Integer.toString(i), sup -> GenServers.startLink(sup, () -> new SupBench.Worker(collector)))
                            .withShutdown(Shutdown.BRUTAL_KILL));
                }
                SupervisorFlags flags = SupervisorFlags.DEFAULT.withStrategy(Strategy.ONE_FOR_ONE).withIntensity(100_000_000, 1);
                StartResult sr = Supervisors.startLink(ctx, c -> new SupervisorInit.Ok(flags, kids));
                if (!(sr instanceof StartResult.Started started)) throw new IllegalStateException("supervisor: " + sr);
                waitStarted(ctx, STORM_CHILDREN);
                while (true) {
                    ctx.receive(Matcher.type(Round.class));
                    List<Pid> pids = new ArrayList<>(STORM_CHILDREN);
                    switch (Supervisors.whichChildren(ctx, started.pid())) {
                        case Reply.Ok<List<ChildInfo>> ok -> {
                            for (ChildInfo ci : ok.value()) if (ci.pid() != null) pids.add(ci.pid());
                        }
                        case Reply.Exited<List<ChildInfo>> e -> throw new IllegalStateException("which_children: " + e.reason());
                    }
                    for (Pid p : pids) ctx.exit(p, Term.KILL);
                    waitStarted(ctx, STORM_CHILDREN);
                }
            });
            node.simulation().runUntilIdle();
            return Driver.rounds(1, 5, () -> {
                long d0 = node.messagesDelivered();
                long s = System.nanoTime();
                node.send(driver, Round.GO);
                node.simulation().runUntilIdle();
                long e = System.nanoTime();
                if (!node.isAlive(driver)) throw new IllegalStateException("the storm's driver died");
                return new double[] {Stats.rate(node.messagesDelivered() - d0, e - s), Stats.rate(STORM_CHILDREN, e - s)};
            });
        }
    }

    private static void waitStarted(ProcessContext ctx, int n) {
        for (int i = 0; i < n; i++) ctx.receive(SupBench.IS_STARTED);
    }

    static List<Double> tree() throws Exception {
        return Driver.rounds(1, 3, () -> {
            try (Node node = Node.deterministic(SEED)) {
                List<ChildSpec> sups = new ArrayList<>(TREE_SUPS);
                for (int s = 0; s < TREE_SUPS; s++) {
                    List<ChildSpec> workers = new ArrayList<>(TREE_WORKERS);
                    for (int w = 0; w < TREE_WORKERS; w++) {
                        workers.add(ChildSpec.worker("w" + w, sup -> GenServers.startLink(sup, () -> new SupBench.Worker(null))));
                    }
                    sups.add(Supervisors.childSpec("s" + s, c -> new SupervisorInit.Ok(SupervisorFlags.DEFAULT, workers)));
                }
                long start = System.nanoTime();
                node.spawn(ctx -> {
                    StartResult sr = Supervisors.startLink(ctx, c -> new SupervisorInit.Ok(SupervisorFlags.DEFAULT, sups));
                    if (!(sr instanceof StartResult.Started)) throw new IllegalStateException("tree: " + sr);
                    ctx.receive();
                });
                node.simulation().runUntilIdle();
                long end = System.nanoTime();
                int expected = TREE_SUPS * TREE_WORKERS + TREE_SUPS + 2;
                if (node.processCount() != expected) {
                    throw new IllegalStateException("tree: " + node.processCount() + " processes, expected " + expected);
                }
                return (end - start) / 1e6;
            }
        });
    }
}
