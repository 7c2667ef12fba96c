package dev.canopy.engine.supervisor;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

import java.util.ArrayList;
import java.util.List;

/**
 * A static supervisor as a gen_server, following supervisor.erl: start children in order,
 * react only to 'EXIT' from current children, decide by restart type x reason, count every
 * restart attempt against the intensity, restart by strategy, retry failed restarts through
 * a message to itself, stop children in reverse start order.
 */
final class SupervisorServer implements GenServer<SupervisorServer.State> {
    private final SupervisorModule module;

    SupervisorServer(SupervisorModule module) { this.module = module; }

    static final class State {
        final SupervisorFlags flags;
        final RestartIntensity intensity;
        final ChildList children = new ChildList();

        State(SupervisorFlags flags) {
            this.flags = flags;
            this.intensity = new RestartIntensity(flags.intensity(), flags.periodSeconds());
        }
    }

    /** The outcome of a restart: carry on, or shut the supervisor down. */
    private enum After { CONTINUE, SHUTDOWN }

    @Override public InitResult<State> init(ProcessContext ctx) throws Exception {
        ctx.trapExit(true);
        var init = module.init(ctx);
        if (!(init instanceof SupervisorInit.Ok ok)) return InitResult.ignore();
        var badFlags = SpecCheck.checkFlags(ok.flags());
        if (badFlags.isPresent()) return InitResult.stop(Term.tuple(Term.atom("supervisor_data"), badFlags.get()));
        var badSpec = SpecCheck.checkStartSpec(ok.children(), ok.flags().autoShutdown());
        if (badSpec.isPresent()) return InitResult.stop(Term.tuple(Term.atom("start_spec"), badSpec.get()));
        var state = new State(ok.flags());
        for (var spec : ok.children()) state.children.append(new Child(spec));
        var failure = startChildren(ctx, state, state.children.inStartOrder(), false);
        if (failure != null) {
            terminateChildren(ctx, state, state.children.inStartOrder());
            return InitResult.stop(Term.tuple(Term.SHUTDOWN, failure));
        }
        return InitResult.ok(state);
    }

    /**
     * Starts the given children in order. Returns null, or {failed_to_start_child,Id,Reason}
     * for the first that failed (later ones are not started; the failed one is left as is).
     */
    private Term startChildren(ProcessContext ctx, State state, List<Child> children, boolean restart) {
        for (var c : children) {
            switch (startOne(ctx, c, restart)) {
                case StartResult.Started s -> state.children.setPid(c, s.pid());
                case StartResult.Ignored i -> {
                    if (c.temporary()) state.children.remove(c);
                    else state.children.setPid(c, null);
                }
                case StartResult.Failed f -> {
                    return Term.tuple(Term.atom("failed_to_start_child"), Term.atom(c.id()), f.reason());
                }
            }
        }
        return null;
    }

    private StartResult startOne(ProcessContext ctx, Child c, boolean restart) {
        var result = ChildStarts.call(ctx, c.spec.start(), List.of());
        // if/instanceof, not a pattern switch: every restart runs it (GenServerLoop#loop says why).
        if (result instanceof StartResult.Started s) ctx.emit(new Event.ChildStarted(ctx.self(), c.id(), s.pid(), restart));
        else if (result instanceof StartResult.Ignored) ctx.emit(new Event.ChildIgnored(ctx.self(), c.id()));
        else if (result instanceof StartResult.Failed f) ctx.emit(new Event.ChildStartFailed(ctx.self(), c.id(), f.reason()));
        return result;
    }

    // ---- stopping children --------------------------------------------------------------------

    /** Stops running children in reverse start order; drops temporary ones, keeps other specs. */
    private void terminateChildren(ProcessContext ctx, State state, List<Child> children) {
        for (int i = children.size() - 1; i >= 0; i--) {
            var c = children.get(i);
            if (c.pid != null) doTerminate(ctx, state, c);
            if (c.temporary()) state.children.remove(c);
            else state.children.setPid(c, null);
        }
    }

    private void doTerminate(ProcessContext ctx, State state, Child c) {
        var pid = c.pid;
        var reason = ChildShutdown.shutdown(ctx, pid, c.spec.shutdown());
        ctx.emit(new Event.ChildTerminated(ctx.self(), c.id(), pid, reason));
    }

    /** del_child: forget a temporary child, mark any other as not running. */
    private void delChild(State state, Child c) {
        if (c.temporary()) state.children.remove(c);
        else state.children.setPid(c, null);
    }

    @Override public void terminate(ProcessContext ctx, Term reason, State state) {
        terminateChildren(ctx, state, state.children.inStartOrder());
    }

    // ---- child exits and restarts ---------------------------------------------------------------

    @Override public HandlerResult<State> handleInfo(ProcessContext ctx, Object message, State state) {
        if (message instanceof ExitMessage e) {
            var c = state.children.byPid(e.from());
            if (c == null) return HandlerResult.noreply(state);
            return doRestart(ctx, state, c, e.reason()) == After.SHUTDOWN
                    ? HandlerResult.stop(Term.SHUTDOWN, state) : HandlerResult.noreply(state);
        }
        return HandlerResult.noreply(state);
    }

    /** supervisor.erl do_restart/3: restart type x exit reason. */
    private After doRestart(ProcessContext ctx, State state, Child c, Term reason) {
        boolean restart = switch (c.spec.restart()) {
            case PERMANENT -> true;
            case TRANSIENT -> !Term.isNormalStop(reason);
            case TEMPORARY -> false;
        };
        if (restart) return restart(ctx, state, c);
        delChild(state, c);
        return autoShutdown(ctx, state, c);
    }

    private After autoShutdown(ProcessContext ctx, State state, Child c) {
        if (!c.spec.significant()) return After.CONTINUE;
        boolean stop = switch (state.flags.autoShutdown()) {
            case NEVER -> false;
            case ANY_SIGNIFICANT -> true;
            case ALL_SIGNIFICANT -> state.children.inStartOrder().stream()
                    .noneMatch(o -> o.spec.significant() && o.pid != null);
        };
        if (stop) ctx.emit(new Event.AutoShutdown(ctx.self(), c.id()));
        return stop ? After.SHUTDOWN : After.CONTINUE;
    }

    /** One restart attempt: counts against the intensity, then restarts by strategy. */
    private After restart(ProcessContext ctx, State state, Child c) {
        if (!state.intensity.addRestart(ctx.monotonicMillis())) {
            ctx.emit(new Event.SupervisorGaveUp(ctx.self(), c.id(), Term.atom("reached_max_restart_intensity")));
            delChild(state, c);
            return After.SHUTDOWN;
        }
        Child failed = switch (state.flags.strategy()) {
            case ONE_FOR_ONE -> {
                var result = startOne(ctx, c, true);
                if (result instanceof StartResult.Started s) state.children.setPid(c, s.pid());
                else if (result instanceof StartResult.Ignored) delChild(state, c);
                yield result instanceof StartResult.Failed ? c : null;
            }
            case ONE_FOR_ALL -> restartGroup(ctx, state, c, state.children.inStartOrder());
            case REST_FOR_ONE -> restartGroup(ctx, state, c, state.children.fromOn(c));
        };
        if (failed != null) {
            state.children.setPid(failed, null);
            failed.restarting = true;
            GenServers.cast(ctx, ctx.self(), new SupervisorRequest.TryAgainRestart(failed.id()));
        }
        return After.CONTINUE;
    }

    /** Stops the group (reverse order), then starts every child of it that has a spec (start order). */
    private Child restartGroup(ProcessContext ctx, State state, Child failedChild, List<Child> group) {
        delChild(state, failedChild);
        terminateChildren(ctx, state, group);
        var remaining = new ArrayList<Child>();
        for (var g : group) if (state.children.byId(g.id()) == g) remaining.add(g);
        var failure = startChildren(ctx, state, remaining, true);
        if (failure == null) return null;
        var failedId = ((Term.Atom) ((Term.Tuple) failure).get(1)).name();
        return state.children.byId(failedId);
    }

    @Override public HandlerResult<State> handleCast(ProcessContext ctx, Object request, State state) {
        if (request instanceof SupervisorRequest.TryAgainRestart t) {
            var c = state.children.byId(t.id());
            if (c != null && c.restarting) {
                return restart(ctx, state, c) == After.SHUTDOWN
                        ? HandlerResult.stop(Term.SHUTDOWN, state) : HandlerResult.noreply(state);
            }
        }
        return HandlerResult.noreply(state);
    }

    // ---- child management API -------------------------------------------------------------------

    @Override public HandlerResult<State> handleCall(ProcessContext ctx, Object request, From from, State state) {
        if (!(request instanceof SupervisorRequest r)) throw new IllegalArgumentException("bad call " + request);
        Object reply = switch (r) {
            case SupervisorRequest.StartChild s -> startChild(ctx, state, s.spec());
            case SupervisorRequest.TerminateChild t -> {
                var c = state.children.byId(t.id());
                if (c == null) yield new ChildResult.Error(Term.atom("not_found"));
                if (c.pid != null) doTerminate(ctx, state, c);
                c.restarting = false;
                delChild(state, c);
                yield new ChildResult.Done();
            }
            case SupervisorRequest.RestartChild rc -> {
                var c = state.children.byId(rc.id());
                if (c == null) yield new ChildResult.Error(Term.atom("not_found"));
                if (c.restarting) yield new ChildResult.Error(Term.atom("restarting"));
                if (c.pid != null) yield new ChildResult.Error(Term.atom("running"));
                yield switch (startOne(ctx, c, false)) {
                    case StartResult.Started s -> {
                        state.children.setPid(c, s.pid());
                        yield new ChildResult.Started(s.pid());
                    }
                    case StartResult.Ignored i -> new ChildResult.NotStarted();
                    case StartResult.Failed f -> new ChildResult.Error(f.reason());
                };
            }
            case SupervisorRequest.DeleteChild d -> {
                var c = state.children.byId(d.id());
                if (c == null) yield new ChildResult.Error(Term.atom("not_found"));
                if (c.restarting) yield new ChildResult.Error(Term.atom("restarting"));
                if (c.pid != null) yield new ChildResult.Error(Term.atom("running"));
                state.children.remove(c);
                yield new ChildResult.Done();
            }
            case SupervisorRequest.WhichChildren w -> state.children.inStartOrder().stream()
                    .map(c -> new ChildInfo(c.id(), c.pid, c.restarting, c.spec.type(), c.spec.modules())).toList();
            case SupervisorRequest.CountChildren cc -> {
                int active = 0, sups = 0, workers = 0;
                for (var c : state.children.inStartOrder()) {
                    if (c.pid != null) active++;
                    if (c.spec.type() == ChildType.SUPERVISOR) sups++; else workers++;
                }
                yield new ChildCounts(state.children.size(), active, sups, workers);
            }
            case SupervisorRequest.TryAgainRestart t -> throw new IllegalArgumentException("not a call");
        };
        return HandlerResult.reply(reply, state);
    }

    private ChildResult startChild(ProcessContext ctx, State state, ChildSpec spec) {
        var bad = SpecCheck.checkChild(spec, state.flags.autoShutdown());
        if (bad.isPresent()) return new ChildResult.Error(bad.get());
        var existing = state.children.byId(spec.id());
        if (existing != null) {
            return existing.pid != null
                    ? new ChildResult.Error(Term.tuple(Term.atom("already_started"), new Term.PidTerm(existing.pid)))
                    : new ChildResult.Error(Term.atom("already_present"));
        }
        var c = new Child(spec);
        return switch (startOne(ctx, c, false)) {
            case StartResult.Started s -> {
                c.pid = s.pid();
                state.children.append(c);
                yield new ChildResult.Started(s.pid());
            }
            case StartResult.Ignored i -> {
                if (!c.temporary()) state.children.append(c);
                yield new ChildResult.NotStarted();
            }
            case StartResult.Failed f -> new ChildResult.Error(f.reason());
        };
    }
}
