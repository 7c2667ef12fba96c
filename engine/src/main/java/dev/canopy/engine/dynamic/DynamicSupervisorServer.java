package dev.canopy.engine.dynamic;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.supervisor.ChildCounts;
import dev.canopy.engine.supervisor.ChildInfo;
import dev.canopy.engine.supervisor.ChildResult;
import dev.canopy.engine.supervisor.ChildSpec;
import dev.canopy.engine.supervisor.ChildType;
import dev.canopy.engine.supervisor.RestartIntensity;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.term.Term;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Elixir's DynamicSupervisor (1.14): children started on demand, known only by pid, always
 * one_for_one. Unlike a static supervisor it stops its children all at once and waits for
 * all of them; a new incarnation starts empty.
 */
final class DynamicSupervisorServer implements GenServer<DynamicSupervisorServer.State> {
    private final DynamicSupervisorModule module;

    DynamicSupervisorServer(DynamicSupervisorModule module) { this.module = module; }

    static final class Entry {
        final ChildSpec spec;
        boolean restarting;

        Entry(ChildSpec spec) { this.spec = spec; }
    }

    static final class State {
        final DynamicSupervisorFlags flags;
        final RestartIntensity intensity;
        /** pid → child; insertion order, so stops and listings are the same on every run. */
        final Map<Pid, Entry> children = new LinkedHashMap<>();

        State(DynamicSupervisorFlags flags) {
            this.flags = flags;
            this.intensity = new RestartIntensity(flags.maxRestarts(), flags.maxSeconds());
        }
    }

    @Override public InitResult<State> init(ProcessContext ctx) throws Exception {
        ctx.trapExit(true);
        Optional<DynamicSupervisorFlags> flags = module.init(ctx);
        return flags.map(f -> InitResult.ok(new State(f))).orElseGet(InitResult::ignore);
    }

    @Override public HandlerResult<State> handleCall(ProcessContext ctx, Object request, From from, State state) {
        Object reply = switch ((DynamicRequest) request) {
            case DynamicRequest.StartChild s -> startChild(ctx, state, s.spec());
            case DynamicRequest.TerminateChild t -> {
                var entry = state.children.get(t.pid());
                if (entry == null) yield new ChildResult.Error(Term.atom("not_found"));
                if (!entry.restarting) terminateAll(ctx, Map.of(t.pid(), entry));
                state.children.remove(t.pid());
                yield new ChildResult.Done();
            }
            case DynamicRequest.WhichChildren w -> state.children.entrySet().stream()
                    .map(e -> new ChildInfo(e.getValue().spec.id(), e.getValue().restarting ? null : e.getKey(),
                            e.getValue().restarting, e.getValue().spec.type(), e.getValue().spec.modules()))
                    .toList();
            case DynamicRequest.CountChildren c -> {
                int sups = 0, workers = 0, active = 0;
                for (var e : state.children.values()) {
                    if (!e.restarting) active++;
                    if (e.spec.type() == ChildType.SUPERVISOR) sups++; else workers++;
                }
                yield new ChildCounts(state.children.size(), active, sups, workers);
            }
            default -> throw new IllegalArgumentException("not a call: " + request);
        };
        return HandlerResult.reply(reply, state);
    }

    private ChildResult startChild(ProcessContext ctx, State state, ChildSpec spec) {
        int max = state.flags.maxChildren();
        if (max != DynamicSupervisorFlags.INFINITY && state.children.size() >= max) {
            return new ChildResult.Error(Term.atom("max_children"));
        }
        return switch (start(ctx, state, spec, false)) {
            case StartResult.Started s -> {
                state.children.put(s.pid(), new Entry(spec));
                yield new ChildResult.Started(s.pid());
            }
            case StartResult.Ignored i -> new ChildResult.Ignored();
            case StartResult.Failed f -> new ChildResult.Error(f.reason());
        };
    }

    private StartResult start(ProcessContext ctx, State state, ChildSpec spec, boolean restart) {
        var result = dev.canopy.engine.supervisor.ChildStarts.call(ctx, spec.start(), state.flags.extraArguments());
        switch (result) {
            case StartResult.Started s -> ctx.emit(new Event.ChildStarted(ctx.self(), spec.id(), s.pid(), restart));
            case StartResult.Ignored i -> ctx.emit(new Event.ChildIgnored(ctx.self(), spec.id()));
            case StartResult.Failed f -> ctx.emit(new Event.ChildStartFailed(ctx.self(), spec.id(), f.reason()));
        }
        return result;
    }

    @Override public HandlerResult<State> handleInfo(ProcessContext ctx, Object message, State state) {
        return switch (message) {
            case ExitMessage e -> {
                var entry = state.children.get(e.from());
                if (entry == null || entry.restarting) yield HandlerResult.noreply(state);
                boolean restart = switch (entry.spec.restart()) {
                    case PERMANENT -> true;
                    case TRANSIENT -> !Term.isNormalStop(e.reason());
                    case TEMPORARY -> false;
                };
                if (!restart) {
                    state.children.remove(e.from());
                    yield HandlerResult.noreply(state);
                }
                yield restart(ctx, state, e.from(), entry);
            }
            case DynamicRequest.RetryRestart r -> {
                var entry = state.children.get(r.oldPid());
                yield entry != null && entry.restarting ? restart(ctx, state, r.oldPid(), entry) : HandlerResult.noreply(state);
            }
            default -> HandlerResult.noreply(state);
        };
    }

    private HandlerResult<State> restart(ProcessContext ctx, State state, Pid oldPid, Entry entry) {
        if (!state.intensity.addRestart(ctx.monotonicMillis())) {
            ctx.emit(new Event.SupervisorGaveUp(ctx.self(), entry.spec.id(), Term.atom("reached_max_restart_intensity")));
            state.children.remove(oldPid);
            return HandlerResult.stop(Term.SHUTDOWN, state);
        }
        switch (start(ctx, state, entry.spec, true)) {
            case StartResult.Started s -> {
                state.children.remove(oldPid);
                state.children.put(s.pid(), new Entry(entry.spec));
            }
            case StartResult.Ignored i -> state.children.remove(oldPid);
            case StartResult.Failed f -> {
                entry.restarting = true;
                ctx.send(ctx.self(), new DynamicRequest.RetryRestart(oldPid));
            }
        }
        return HandlerResult.noreply(state);
    }

    @Override public void terminate(ProcessContext ctx, Term reason, State state) {
        var running = new LinkedHashMap<Pid, Entry>();
        state.children.forEach((pid, e) -> { if (!e.restarting) running.put(pid, e); });
        terminateAll(ctx, running);
        state.children.clear();
    }

    /**
     * Stops children all at once: monitor each, send every exit signal, arm one kill timer per
     * shutdown time, then wait for every DOWN (dynamic_supervisor.ex terminate_children/2).
     */
    private void terminateAll(ProcessContext ctx, Map<Pid, Entry> children) {
        var pending = new LinkedHashMap<Ref, Pid>();
        var groups = new LinkedHashMap<Long, List<Pid>>();
        for (var e : children.entrySet()) {
            var pid = e.getKey();
            var ref = ctx.monitor(pid);
            ctx.unlink(pid);
            pending.put(ref, pid);
            switch (e.getValue().spec.shutdown()) {
                case Shutdown.BrutalKill b -> ctx.exit(pid, Term.KILL);
                case Shutdown.Infinity i -> ctx.exit(pid, Term.SHUTDOWN);
                case Shutdown.Timeout t -> {
                    ctx.exit(pid, Term.SHUTDOWN);
                    groups.computeIfAbsent(t.ms(), k -> new ArrayList<>()).add(pid);
                }
            }
        }
        var timers = new ArrayList<Ref>();
        for (var g : groups.entrySet()) {
            timers.add(ctx.sendAfter(g.getKey(), ctx.self(), new DynamicRequest.KillTimer(g.getKey())));
        }
        var dead = new java.util.HashSet<Pid>();
        while (dead.size() < pending.size()) {
            Object m = ctx.receive(x -> (x instanceof Down d && pending.containsKey(d.ref()))
                    || x instanceof DynamicRequest.KillTimer ? x : null);
            if (m instanceof Down d) {
                dead.add(d.pid());
            } else if (m instanceof DynamicRequest.KillTimer k) {
                for (var pid : groups.getOrDefault(k.group(), List.of())) {
                    if (!dead.contains(pid)) ctx.exit(pid, Term.KILL);
                }
            }
        }
        // Drop the 'EXIT' a child may have sent before the unlink took effect. Done once all are
        // down, not after each DOWN: the mailbox then no longer holds the other DOWNs, so this is
        // not a scan of every pending DOWN per child (quadratic). Nothing else took an 'EXIT'
        // meanwhile, so the same messages are removed.
        for (var e : pending.entrySet()) {
            var pid = e.getValue();
            ctx.receive(x -> x instanceof ExitMessage ex && ex.from().equals(pid) ? x : null, 0);
        }
        for (var t : timers) ctx.cancelTimer(t);
        ctx.receive(x -> x instanceof DynamicRequest.KillTimer ? x : null, 0);
    }
}
