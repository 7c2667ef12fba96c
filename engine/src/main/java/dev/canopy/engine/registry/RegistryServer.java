package dev.canopy.engine.registry;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A key-value process registry (Elixir's Registry, one partition). Like Registry's PID
 * partition it traps exits and links to every owner, so an owner's keys go when the owner
 * does, and owners go when the registry does. Maps keep insertion order so that lookups
 * and cleanup events come out the same on every run.
 */
final class RegistryServer implements GenServer<RegistryServer.State> {
    private final RegistryKeys kind;

    RegistryServer(RegistryKeys kind) { this.kind = kind; }

    static final class State {
        final Map<Object, List<RegistryEntry>> byKey = new LinkedHashMap<>();
        /** owner → its keys in registration order (a key repeats for repeated duplicate registrations). */
        final Map<Pid, List<Object>> byOwner = new LinkedHashMap<>();
    }

    @Override public InitResult<State> init(ProcessContext ctx) {
        ctx.trapExit(true);
        return InitResult.ok(new State());
    }

    @Override public HandlerResult<State> handleCall(ProcessContext ctx, Object request, From from, State state) {
        Object reply = switch ((RegistryRequest) request) {
            case RegistryRequest.Register r -> register(ctx, state, from.pid(), r.key(), r.value());
            case RegistryRequest.Unregister u -> {
                unregister(ctx, state, from.pid(), u.key());
                yield Boolean.TRUE;
            }
            case RegistryRequest.Lookup l -> state.byKey.getOrDefault(l.key(), List.of()).stream()
                    // An owner may be dead with its 'EXIT' still queued: Registry.lookup checks liveness too.
                    .filter(e -> ctx.isAlive(e.pid())).toList();
            case RegistryRequest.Keys k -> List.copyOf(state.byOwner.getOrDefault(k.owner(), List.of()));
            case RegistryRequest.Count c -> state.byKey.values().stream().mapToInt(List::size).sum();
        };
        return HandlerResult.reply(reply, state);
    }

    private RegisterResult register(ProcessContext ctx, State state, Pid owner, Object key, Object value) {
        var existing = state.byKey.get(key);
        if (kind == RegistryKeys.UNIQUE && existing != null && !existing.isEmpty()) {
            var holder = existing.getFirst().pid();
            if (ctx.isAlive(holder)) return new RegisterResult.AlreadyRegistered(holder);
            removeOwner(ctx, state, holder);
        }
        // Linking to an owner that already died gives an immediate 'EXIT' noproc: cleaned up next.
        ctx.link(owner);
        state.byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new RegistryEntry(owner, value));
        state.byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(key);
        ctx.emit(new Event.RegistryChanged(ctx.self(), key, owner, true));
        return new RegisterResult.Ok();
    }

    /** Removes the owner's entries under key; unlinks once the owner has no key left. */
    private void unregister(ProcessContext ctx, State state, Pid owner, Object key) {
        var keys = state.byOwner.get(owner);
        if (keys == null || !keys.removeIf(k -> k.equals(key))) return;
        removeEntries(ctx, state, owner, key);
        if (keys.isEmpty()) {
            state.byOwner.remove(owner);
            // Never unlink the parent: that link is the supervision link, not a registration.
            if (!owner.equals(ctx.parent())) ctx.unlink(owner);
        }
    }

    private void removeOwner(ProcessContext ctx, State state, Pid owner) {
        var keys = state.byOwner.remove(owner);
        if (keys == null) return;
        for (var key : keys.stream().distinct().toList()) removeEntries(ctx, state, owner, key);
    }

    private void removeEntries(ProcessContext ctx, State state, Pid owner, Object key) {
        var entries = state.byKey.get(key);
        if (entries == null || !entries.removeIf(e -> e.pid().equals(owner))) return;
        if (entries.isEmpty()) state.byKey.remove(key);
        ctx.emit(new Event.RegistryChanged(ctx.self(), key, owner, false));
    }

    @Override public HandlerResult<State> handleInfo(ProcessContext ctx, Object message, State state) {
        if (message instanceof ExitMessage e) removeOwner(ctx, state, e.from());
        return HandlerResult.noreply(state);
    }
}
