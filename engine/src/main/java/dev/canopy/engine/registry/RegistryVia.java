package dev.canopy.engine.registry;

import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

import java.util.List;
import java.util.function.Supplier;

/** GenServer start, call and cast through a {:via, Registry, {registry, key}} name. */
public final class RegistryVia {
    private RegistryVia() {}

    public static <S> StartResult startLink(ProcessContext ctx, Pid registry, Object key, Supplier<? extends GenServer<S>> factory) {
        return startLink(ctx, Registries.viaName(registry, key), factory);
    }

    /** Starts a server linked to the caller; a taken name gives Failed({already_started, Holder}). */
    public static <S> StartResult startLink(ProcessContext ctx, ViaName name, Supplier<? extends GenServer<S>> factory) {
        var result = GenServers.startLink(ctx, () -> new ViaServer<S>(name, factory.get()));
        if (!(result instanceof StartResult.Failed)) return result;
        // The conflict note precedes the init ack from the same process, so it is already queued.
        return ctx.receive(m -> m instanceof ViaServer.Taken t ? t : null, 0)
                .<StartResult>map(t -> new StartResult.Failed(
                        Term.tuple(Term.atom("already_started"), new Term.PidTerm(t.holder()))))
                .orElse(result);
    }

    public static CallResult call(ProcessContext ctx, Pid registry, Object key, Object request, long timeoutMs) {
        return call(ctx, Registries.viaName(registry, key), request, timeoutMs);
    }

    /** Looks the name up and calls; an unregistered name gives Exited({noproc, {gen_server, call, [Name, Timeout]}}). */
    public static CallResult call(ProcessContext ctx, ViaName name, Object request, long timeoutMs) {
        var pid = Registries.whereisName(ctx, name);
        if (pid.isPresent()) return GenServers.call(ctx, pid.get(), request, timeoutMs);
        Term timeout = timeoutMs == ProcessContext.INFINITY ? Term.atom("infinity") : new Term.Int(timeoutMs);
        return new CallResult.Exited(Term.tuple(Term.NOPROC,
                Term.tuple(Term.atom("gen_server"), Term.atom("call"), new Term.TermList(List.of(name.term(), timeout)))));
    }

    /** Casts to the name's owner; dropped when nobody holds it (GenServer.cast never fails). */
    public static void cast(ProcessContext ctx, ViaName name, Object request) {
        Registries.whereisName(ctx, name).ifPresent(pid -> GenServers.cast(ctx, pid, request));
    }
}
