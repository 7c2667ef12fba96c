package dev.canopy.engine.cluster;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.runtime.Distribution;
import dev.canopy.engine.term.Term;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OTP's {@code global} name registry as far as a trace can observe it (ADR 0007). Every node
 * keeps its own table (what {@code global:whereis_name/1} answers there):
 * <ul>
 * <li>a registration on node n succeeds when n's table has neither the name nor the pid, and
 *     lands in the table of n and of every node n is connected to (global's lock spans them);</li>
 * <li>when the owner dies every table drops the name (global monitors the pid);</li>
 * <li>when a connection a–b is lost, a drops the names of processes on b and b those on a
 *     (the monitors fire with noconnection);</li>
 * <li>when a and b connect, their tables merge; a name both have with different pids is a
 *     clash: the resolver of a's registration picks the pid to keep, the other is killed.</li>
 * </ul>
 * What is not modelled: global's locks and sync messages take no time here (a registration is
 * seen by all its partition at once, a merge happens on connect), and a merge updates the two
 * nodes that connected (the others learn the names when they connect to them, as a heal does).
 * Rules: all state is read and written with the runtime's lock held ({@link Distribution#locked}).
 */
public final class GlobalNames implements Distribution.Observer {
    private record Registration(Pid pid, GlobalResolver resolver) {}

    private final Distribution net;
    private final List<Map<String, Registration>> tables = new ArrayList<>();

    GlobalNames(Distribution net) {
        this.net = net;
        for (int i = 0; i < net.size(); i++) tables.add(new LinkedHashMap<>());
    }

    /**
     * global:register_name(Name, Pid, Resolve) run on pid's node: true (yes) when registered, false
     * (no) when that node already knows the name, or the pid under another name. A pid that is
     * not alive is accepted and dropped at once (global's monitor fires noproc).
     */
    public boolean register(String name, Pid pid, GlobalResolver resolver) {
        return net.locked(() -> {
            int on = pid.node();
            var table = tables.get(on);
            if (table.containsKey(name) || table.values().stream().anyMatch(r -> r.pid().equals(pid))) return false;
            if (!net.alive(pid)) return true;
            var seenBy = new ArrayList<String>();
            var reg = new Registration(pid, resolver);
            for (int n = 0; n < net.size(); n++) {
                if (n == on || net.connected(on, n)) {
                    tables.get(n).put(name, reg);
                    seenBy.add(net.name(n));
                }
            }
            net.emit(new Event.GlobalRegistered(name, pid, List.copyOf(seenBy)));
            return true;
        });
    }

    /** global:unregister_name/1 run on node on: the name goes from on and every node connected to it. */
    public void unregister(int on, String name) {
        net.locked(() -> {
            for (int n = 0; n < net.size(); n++) if (n == on || net.connected(on, n)) drop(n, name);
            return null;
        });
    }

    /** global:whereis_name/1 on node on. */
    public Optional<Pid> whereis(int on, String name) {
        return net.locked(() -> Optional.ofNullable(tables.get(on).get(name)).map(Registration::pid));
    }

    /**
     * gen_server:call({global, Name}, Request, Timeout) from a process: the name is looked up on
     * the caller's node; unknown, the call exits {@code noproc}.
     */
    public CallResult call(ProcessContext ctx, String name, Object request, long timeoutMs) {
        var pid = whereis(ctx.self().node(), name);
        if (pid.isEmpty()) {
            var info = Term.tuple(Term.atom("gen_server"), Term.atom("call"), Term.tuple(Term.atom("global"), Term.atom(name)));
            return new CallResult.Exited(Term.tuple(Term.NOPROC, info));
        }
        return GenServers.call(ctx, pid.get(), request, timeoutMs);
    }

    /** The names node on knows, with their pids, in registration order. */
    public Map<String, Pid> names(int on) {
        return net.locked(() -> {
            var out = new LinkedHashMap<String, Pid>();
            tables.get(on).forEach((k, v) -> out.put(k, v.pid()));
            return out;
        });
    }

    // ---- reactions (the runtime's lock is held) --------------------------------------------

    @Override public void exited(Pid pid) {
        for (int n = 0; n < tables.size(); n++) {
            for (var e : List.copyOf(tables.get(n).entrySet())) if (e.getValue().pid().equals(pid)) drop(n, e.getKey());
        }
    }

    @Override public void connectionLost(int a, int b) {
        dropNamesOf(a, b);
        dropNamesOf(b, a);
    }

    private void dropNamesOf(int at, int far) {
        for (var e : List.copyOf(tables.get(at).entrySet())) if (e.getValue().pid().node() == far) drop(at, e.getKey());
    }

    private void drop(int at, String name) {
        var r = tables.get(at).remove(name);
        if (r != null) net.emit(new Event.GlobalUnregistered(name, r.pid(), net.name(at)));
    }

    @Override public void connected(int a, int b) {
        var ta = tables.get(a);
        var tb = tables.get(b);
        var names = new ArrayList<>(ta.keySet());
        for (var k : tb.keySet()) if (!ta.containsKey(k)) names.add(k);
        for (var name : names) {
            var ra = ta.get(name);
            var rb = tb.get(name);
            if (ra == null) ta.put(name, rb);
            else if (rb == null) tb.put(name, ra);
            else if (!ra.pid().equals(rb.pid())) {
                Pid keep = ra.resolver().keep(ra.pid(), rb.pid(), net.names());
                var kept = keep.equals(ra.pid()) ? ra : rb;
                Pid lose = kept == ra ? rb.pid() : ra.pid();
                ta.put(name, kept);
                tb.put(name, kept);
                net.emit(new Event.GlobalNameClash(name, keep, lose));
                // The resolver runs in global on the node that keeps the name: exit(Lose, kill).
                net.exitFrom(keep.node(), lose, Term.KILL);
            }
        }
    }
}
