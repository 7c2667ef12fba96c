package dev.canopy.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
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
 * Benchmark {@code sup} (beam_bench sup/0, bench_sup.erl, bench_worker.erl): a one_for_one
 * supervisor with N permanent gen_server workers (brutal_kill), intensity 100,000,000 per
 * 1 s; a round kills every worker and waits until every restarted worker's init has run,
 * then sleeps 1.1 s so the intensity window drains. 1 warm-up + 5 rounds.
 */
public final class SupBench implements Bench {
    static final int SUP_CHILDREN = 1000;

    private final String prefix;
    private final int children;
    private final int warm;
    private final int reps;
    private final long drainMs;

    public SupBench() {
        this("canopy", SUP_CHILDREN, 1, 5, 1100);
    }

    SupBench(String prefix, int children, int warm, int reps, long drainMs) {
        this.prefix = prefix;
        this.children = children;
        this.warm = warm;
        this.reps = reps;
        this.drainMs = drainMs;
    }

    @Override
    public String name() {
        return "sup";
    }

    /** {@code {started, Pid}}. */
    record Started(Pid pid) {
    }

    static final Matcher<Started> IS_STARTED = Matcher.type(Started.class);

    /** bench_worker.erl: init tells the collector (if any), then serves nothing in particular. Also the simulator benchmark's worker. */
    static final class Worker implements GenServer<Pid> {
        private final Pid collector;

        Worker(Pid collector) {
            this.collector = collector;
        }

        @Override
        public InitResult<Pid> init(ProcessContext ctx) {
            if (collector != null) ctx.send(collector, new Started(ctx.self()));
            return InitResult.ok(collector);
        }

        @Override
        public HandlerResult<Pid> handleCall(ProcessContext ctx, Object request, From from, Pid state) {
            return HandlerResult.reply(Term.atom("ok"), state);
        }

        @Override
        public HandlerResult<Pid> handleCast(ProcessContext ctx, Object request, Pid state) {
            return HandlerResult.noreply(state);
        }
    }

    @Override
    public void run(PrintStream out) throws Exception {
        List<Double> rates = Driver.runLive(this::drive);
        Stats.report(out, prefix + "_sup_restart", rates, "restarts/s");
    }

    List<Double> drive(ProcessContext ctx) throws Exception {
        ctx.trapExit(true);
        Pid collector = ctx.self();
        List<ChildSpec> kids = new ArrayList<>(children);
        for (int i = 1; i <= children; i++) {
            kids.add(ChildSpec.worker(Integer.toString(i),
                            sup -> GenServers.startLink(sup, () -> new Worker(collector)))
                    .withShutdown(Shutdown.BRUTAL_KILL));
        }
        SupervisorFlags flags = SupervisorFlags.DEFAULT.withStrategy(Strategy.ONE_FOR_ONE).withIntensity(100_000_000, 1);
        StartResult sr = Supervisors.startLink(ctx, c -> new SupervisorInit.Ok(flags, kids));
        if (!(sr instanceof StartResult.Started started)) throw new IllegalStateException("supervisor: " + sr);
        Pid sup = started.pid();
        waitStarted(ctx, children);
        List<Double> rates = Driver.rounds(warm, reps, () -> {
            List<Pid> pids = new ArrayList<>(children);
            switch (Supervisors.whichChildren(ctx, sup)) {
                case Reply.Ok<List<ChildInfo>> ok -> {
                    for (ChildInfo ci : ok.value()) if (ci.pid() != null) pids.add(ci.pid());
                }
                case Reply.Exited<List<ChildInfo>> e -> throw new IllegalStateException("which_children: " + e.reason());
            }
            long s = System.nanoTime();
            for (Pid p : pids) ctx.exit(p, Term.KILL);
            waitStarted(ctx, children);
            double r = Stats.rate(children, System.nanoTime() - s);
            ctx.sleep(drainMs);
            return r;
        });
        ctx.unlink(sup);
        ctx.exit(sup, Term.SHUTDOWN);
        return rates;
    }

    private static void waitStarted(ProcessContext ctx, int n) {
        for (int i = 0; i < n; i++) ctx.receive(IS_STARTED);
    }
}
