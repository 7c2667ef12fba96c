package dev.canopy.engine.registry;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.event.EventRecord;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.runtime.Node;
import dev.canopy.engine.supervisor.ChildResult;
import dev.canopy.engine.supervisor.Reply;
import dev.canopy.engine.supervisor.SupervisorFlags;
import dev.canopy.engine.supervisor.SupervisorInit;
import dev.canopy.engine.supervisor.Supervisors;
import dev.canopy.engine.term.Term;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryTest {
    private static Pid startRegistry(ProcessContext ctx, RegistryKeys keys) {
        return ((StartResult.Started) Registries.startLink(ctx, keys, null)).pid();
    }

    /** An owner that registers key=value, reports, then waits for "stop". */
    private static Pid owner(ProcessContext ctx, Pid registry, Object key, Object value, List<Object> log) {
        var me = ctx.self();
        return ctx.spawn(c -> {
            log.add(Registries.register(c, registry, key, value));
            c.send(me, "registered");
            c.receive(m -> "stop".equals(m) ? m : null);
        });
    }

    private static void stopAndWait(ProcessContext ctx, Pid pid) {
        var mon = ctx.monitor(pid);
        ctx.send(pid, "stop");
        ctx.receive(m -> m instanceof Down d && d.ref().equals(mon) ? d : null);
    }

    @Test
    void ownerExitRemovesItsKeysAndEmitsEvents() {
        var node = Node.deterministic(1);
        var events = node.events().subscribe(1000);
        var log = new CopyOnWriteArrayList<Object>();
        var pids = new CopyOnWriteArrayList<Pid>();
        node.spawn(ctx -> {
            var reg = startRegistry(ctx, RegistryKeys.UNIQUE);
            var a = owner(ctx, reg, "a", 1, log);
            ctx.receive(m -> "registered".equals(m) ? m : null);
            pids.addAll(List.of(reg, a));
            log.add(Registries.lookup(ctx, reg, "a"));
            log.add(Registries.keys(ctx, reg, a));
            log.add(Registries.count(ctx, reg));
            stopAndWait(ctx, a);
            log.add(Registries.lookup(ctx, reg, "a"));
            log.add(Registries.keys(ctx, reg, a));
            log.add(Registries.count(ctx, reg));
        });
        node.simulation().runUntilIdle();

        var reg = pids.get(0);
        var a = pids.get(1);
        assertThat(log).containsExactly(new RegisterResult.Ok(),
                List.of(new RegistryEntry(a, 1)), List.of("a"), 1,
                List.of(), List.of(), 0);
        assertThat(events.drain().stream().map(EventRecord::event).filter(e -> e instanceof Event.RegistryChanged))
                .containsExactly(new Event.RegistryChanged(reg, "a", a, true), new Event.RegistryChanged(reg, "a", a, false));
    }

    @Test
    void uniqueKeyTakenGivesAlreadyRegisteredWithTheOwner() {
        var node = Node.deterministic(2);
        var log = new CopyOnWriteArrayList<Object>();
        node.spawn(ctx -> {
            var reg = startRegistry(ctx, RegistryKeys.UNIQUE);
            log.add(Registries.register(ctx, reg, "k", "mine"));
            log.add(Registries.register(ctx, reg, "k", "again"));
            var other = owner(ctx, reg, "k", "theirs", log);
            ctx.receive(m -> "registered".equals(m) ? m : null);
            Registries.unregister(ctx, reg, "k");
            log.add(Registries.lookup(ctx, reg, "k"));
            var third = owner(ctx, reg, "k", "third", log);
            ctx.receive(m -> "registered".equals(m) ? m : null);
            log.add(Registries.lookup(ctx, reg, "k").equals(List.of(new RegistryEntry(third, "third"))));
            stopAndWait(ctx, other);
            stopAndWait(ctx, third);
        });
        node.simulation().runUntilIdle();

        var self = new Pid(1);
        assertThat(log).containsExactly(new RegisterResult.Ok(), new RegisterResult.AlreadyRegistered(self),
                new RegisterResult.AlreadyRegistered(self), List.of(), new RegisterResult.Ok(), true);
        assertThat(((RegisterResult.AlreadyRegistered) log.get(1)).reason().render()).isEqualTo("{already_registered,pid}");
    }

    @Test
    void duplicateKeysKeepEveryEntryInRegistrationOrder() {
        var node = Node.deterministic(3);
        var log = new CopyOnWriteArrayList<Object>();
        node.spawn(ctx -> {
            var reg = startRegistry(ctx, RegistryKeys.DUPLICATE);
            log.add(Registries.register(ctx, reg, "topic", 1));
            var other = owner(ctx, reg, "topic", 2, log);
            ctx.receive(m -> "registered".equals(m) ? m : null);
            log.add(Registries.lookup(ctx, reg, "topic").stream().map(RegistryEntry::value).toList());
            log.add(Registries.count(ctx, reg));
            stopAndWait(ctx, other);
            log.add(Registries.lookup(ctx, reg, "topic").stream().map(RegistryEntry::value).toList());
        });
        node.simulation().runUntilIdle();

        assertThat(log).containsExactly(new RegisterResult.Ok(), new RegisterResult.Ok(), List.of(1, 2), 2, List.of(1));
    }

    @Test
    void viaNameStartsCallsAndRefusesASecondStart() {
        var node = Node.deterministic(4);
        var log = new CopyOnWriteArrayList<Object>();
        node.spawn(ctx -> {
            var reg = startRegistry(ctx, RegistryKeys.UNIQUE);
            var started = RegistryVia.startLink(ctx, reg, "counter", Counter::new);
            var pid = ((StartResult.Started) started).pid();
            log.add(RegistryVia.call(ctx, reg, "counter", "inc", 1000));
            log.add(RegistryVia.startLink(ctx, reg, "counter", Counter::new)
                    .equals(new StartResult.Failed(Term.tuple(Term.atom("already_started"), new Term.PidTerm(pid)))));
            log.add(Registries.whereisName(ctx, Registries.viaName(reg, "counter")).equals(java.util.Optional.of(pid)));
            log.add(RegistryVia.call(ctx, reg, "counter", "stop", 1000));
            // The caller survived the refused start (it exits normal) and nothing is left queued.
            log.add(ctx.receive(Matcher.any(), 0).isEmpty());
            log.add(RegistryVia.call(ctx, reg, "counter", "get", 1000));
        });
        node.simulation().runUntilIdle();

        assertThat(log).hasSize(6);
        assertThat(log.subList(0, 5)).containsExactly(new dev.canopy.engine.genserver.CallResult.Replied(1), true, true,
                new dev.canopy.engine.genserver.CallResult.Replied("ok"), true);
        var missing = (dev.canopy.engine.genserver.CallResult.Exited) log.get(5);
        assertThat(Term.head(missing.reason())).isEqualTo(Term.NOPROC);
        assertThat(missing.reason().render()).isEqualTo("{noproc,{gen_server,call,[{via,Registry,{pid,counter}},1000]}}");
    }

    @Test
    void registryUnderASupervisorIsNamedAndTakesItsOwnersDownWithIt() {
        var node = Node.deterministic(5);
        var log = new CopyOnWriteArrayList<Object>();
        node.spawn(ctx -> {
            var sup = ((StartResult.Started) Supervisors.startLink(ctx, c -> new SupervisorInit.Ok(SupervisorFlags.DEFAULT,
                    List.of(Registries.childSpec("registry", "my_registry"))))).pid();
            var reg = ctx.whereis("my_registry").orElseThrow();
            var a = owner(ctx, reg, "a", 1, log);
            ctx.receive(m -> "registered".equals(m) ? m : null);
            var mon = ctx.monitor(a);
            log.add(Supervisors.terminateChild(ctx, sup, "registry"));
            // Elixir links registry and owner: stopping the registry stops a non-trapping owner.
            log.add(ctx.receive(m -> m instanceof Down d && d.ref().equals(mon) ? d.reason() : null));
            log.add(ctx.whereis("my_registry").isEmpty());
        });
        node.simulation().runUntilIdle();

        assertThat(log).containsExactly(new RegisterResult.Ok(), new Reply.Ok<>(new ChildResult.Done()), Term.SHUTDOWN, true);
    }

    @Property(tries = 20)
    void cleanupHoldsUnderAnySchedule(@ForAll long seed) {
        var node = Node.deterministic(seed);
        var log = new CopyOnWriteArrayList<Object>();
        node.spawn(ctx -> {
            var reg = startRegistry(ctx, RegistryKeys.UNIQUE);
            var owners = new java.util.ArrayList<Pid>();
            for (int i = 0; i < 5; i++) owners.add(owner(ctx, reg, "k" + i, i, new CopyOnWriteArrayList<>()));
            for (int i = 0; i < 5; i++) ctx.receive(m -> "registered".equals(m) ? m : null);
            for (var o : owners) ctx.exit(o, Term.atom("boom"));
            for (var o : owners) {
                var mon = ctx.monitor(o);
                ctx.receive(m -> m instanceof Down d && d.ref().equals(mon) ? d : null);
            }
            log.add(Registries.count(ctx, reg));
        });
        node.simulation().runUntilIdle();

        assertThat(log).containsExactly(0);
    }
}
