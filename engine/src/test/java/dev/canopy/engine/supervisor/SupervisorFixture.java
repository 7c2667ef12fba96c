package dev.canopy.engine.supervisor;

import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Sim;
import dev.canopy.engine.term.Term;

import java.util.List;
import java.util.function.Function;

import static dev.canopy.engine.term.Term.atom;
import static org.assertj.core.api.Assertions.assertThat;

/** The fixture of the static-supervisor suites (SupervisorSuiteTest, SupervisorIntensityAndApiTest). */
final class SupervisorFixture {
    static final Term BOOM = atom("boom");

    private SupervisorFixture() {}

    static final class Fx {
        final Sim sim;
        final Workers w = new Workers();
        final Sim.Owner owner;

        Fx() { this(1); }

        Fx(long seed) {
            sim = new Sim(seed);
            owner = sim.owner();
            sim.label(owner.pid, "owner");
        }

        StartResult start(SupervisorFlags flags, ChildSpec... children) {
            return owner.ask(ctx -> Supervisors.startLink(ctx, module(flags, children)));
        }

        Pid startOk(SupervisorFlags flags, ChildSpec... children) {
            var r = start(flags, children);
            assertThat(r).isInstanceOf(StartResult.Started.class);
            var pid = ((StartResult.Started) r).pid();
            sim.label(pid, "top");
            return pid;
        }

        <T> T call(Function<ProcessContext, Reply<T>> f) {
            Reply<T> r = sim.run(f::apply);
            assertThat(r).isInstanceOf(Reply.Ok.class);
            return ((Reply.Ok<T>) r).value();
        }

        ChildResult api(Function<ProcessContext, Reply<ChildResult>> f) { return call(f); }

        List<ChildInfo> which(Pid sup) { return call(ctx -> Supervisors.whichChildren(ctx, sup)); }

        List<String> ids(Pid sup) { return which(sup).stream().map(ChildInfo::id).toList(); }

        Pid pidOf(Pid sup, String id) {
            return which(sup).stream().filter(c -> c.id().equals(id)).findFirst().map(ChildInfo::pid).orElse(null);
        }

        ChildCounts count(Pid sup) { return call(ctx -> Supervisors.countChildren(ctx, sup)); }

        void cast(Pid to, Object msg) {
            sim.run(ctx -> { GenServers.cast(ctx, to, msg); return null; });
            sim.settle();
        }

        void exit(Pid to, Term reason) {
            sim.node.exit(to, reason);
            sim.settle();
        }

        /** Stops the supervisor the way its parent does, and waits for it to be gone. */
        void stopFromParent(Pid sup) {
            owner.ask(ctx -> {
                var mon = ctx.monitor(sup);
                ctx.exit(sup, Term.SHUTDOWN);
                ctx.receive(m -> m instanceof dev.canopy.engine.process.Down d && d.ref().equals(mon) ? d : null);
                return null;
            });
        }
    }

    static SupervisorModule module(SupervisorFlags flags, ChildSpec... children) {
        return ctx -> new SupervisorInit.Ok(flags, List.of(children));
    }

    static SupervisorFlags flags(Strategy s, int intensity, int period) {
        return new SupervisorFlags(s, intensity, period, AutoShutdown.NEVER);
    }

    static final SupervisorFlags ONE_FOR_ONE_10 = flags(Strategy.ONE_FOR_ONE, 10, 5);
}
