package dev.canopy.diagrams.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignValidator;
import dev.canopy.diagrams.design.LoadResult;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.scenario.Step;

/**
 * Attaching to real nodes: samples exported to Erlang and booted with their own erl, a hidden
 * Canopy node attached, the live tree compared with the design, a worker killed, the tree
 * imported, a second node stopped, and every way attaching fails. Needs erl and erlc (CI has them).
 */
@Tag("otp")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AttachOtpTest {

    private static final String COOKIE = "canopy_test_cookie";

    @TempDir
    Path tmp;

    @BeforeEach
    void otp() {
        RealNode.requireOtp();
    }

    static Design sample(String name) {
        LoadResult r = DesignFiles.load(Path.of("..", "samples", name + DesignFiles.SUFFIX));
        if (!(r instanceof LoadResult.Loaded l)) throw new AssertionError("sample does not load: " + r);
        return l.design();
    }

    private record Session(NodeBridge bridge, LiveWatch watch, BlockingQueue<Object> seen) implements AutoCloseable {
        @Override public void close() { bridge.close(); }

        LiveSnapshot snapshotWhere(Predicate<LiveSnapshot> p) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < end) {
                Object o = seen.poll(200, TimeUnit.MILLISECONDS);
                if (o instanceof LiveSnapshot s && p.test(s)) return s;
            }
            throw new AssertionError("no such snapshot within 20 s; last: " + watch.latest());
        }
    }

    private Session attach(String node) {
        LiveWatch watch = new LiveWatch();
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        watch.onSnapshot(seen::add);
        watch.onEvent(seen::add);
        AttachResult r = NodeBridge.attach(AttachOptions.of(node, Optional.of(COOKIE)).withProbeName(RealNode.uniqueName("probe")), watch);
        if (!(r instanceof AttachResult.Attached a)) throw new AssertionError("not attached: " + r);
        return new Session(a.bridge(), watch, seen);
    }

    private static boolean hasApp(LiveSnapshot s, String node, String app) {
        return s.node(node).flatMap(n -> n.app(app)).flatMap(LiveApp::root).isPresent();
    }

    /** One line per node: depth, id, kind, strategy/intensity/period/auto_shutdown, restart, shutdown, significant, name. */
    static List<String> lines(DesignNode root) {
        List<String> out = new ArrayList<>();
        lines(root, 0, out);
        return out;
    }

    private static void lines(DesignNode n, int depth, List<String> out) {
        String flags = n instanceof SupervisorNode s ? s.strategy().atom() + "/" + s.maxRestarts() + "/" + s.maxSeconds() + "/" + s.autoShutdown().atom() : "-";
        String name = n instanceof WorkerNode w ? w.naming().toString() : "-";
        String spec = depth == 0 ? "" : n.spec().restart().atom() + " " + n.spec().shutdown().render() + " " + n.spec().significant();
        out.add(depth + " " + (depth == 0 ? "(top)" : n.id()) + " " + n.kind() + " " + flags + " " + spec + " " + name);
        for (DesignNode c : n.children()) lines(c, depth + 1, out);
    }

    /** What the drawn tree must show for a design: ids, kinds, strategies and intensities, in child order. */
    static List<String> drawnLines(DesignNode n, int depth) {
        List<String> out = new ArrayList<>();
        String flags = n instanceof SupervisorNode s ? s.strategy().atom() + "/" + s.maxRestarts() + "/" + s.maxSeconds() + "/" + s.autoShutdown().atom() : "-";
        out.add(depth + " " + (depth == 0 ? "(top)" : n.id()) + " " + n.kind().toString().toLowerCase(java.util.Locale.ROOT) + " " + flags);
        for (DesignNode c : n.children()) out.addAll(drawnLines(c, depth + 1));
        return out;
    }

    static List<String> liveLines(LiveProcess p, int depth) {
        List<String> out = new ArrayList<>();
        String flags = p.isSupervisor() ? p.strategy() + "/" + p.intensity() + "/" + p.period() + "/" + p.autoShutdown() : "-";
        out.add(depth + " " + (depth == 0 ? "(top)" : p.id()) + " " + p.kind() + " " + flags);
        for (LiveProcess c : p.children()) out.addAll(liveLines(c, depth + 1));
        return out;
    }

    @Test
    void the_drawn_tree_is_the_design_and_a_killed_worker_is_reported_with_its_restart() throws Exception {
        Design design = sample("strategies");
        try (RealNode node = RealNode.boot(design, RealNode.uniqueName("canopy_attach"), COOKIE, tmp.resolve("a"), List.of());
             Session s = attach(node.name)) {
            LiveSnapshot snap = s.snapshotWhere(x -> hasApp(x, node.name, node.app));
            LiveProcess top = snap.node(node.name).orElseThrow().app(node.app).orElseThrow().root().orElseThrow();

            assertThat(liveLines(top, 0)).isEqualTo(drawnLines(design.root(), 0));

            LiveProcess victim = top.child("one_for_all").orElseThrow().child("b").orElseThrow();
            List<String> path = List.of(node.app, "one_for_all", "b");
            s.seen.clear();
            s.bridge.sendExit(victim.pid(), "kill");
            LiveEvent.Exit exit = null;
            List<LiveEvent.Restart> restarts = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end && (exit == null || restarts.stream().filter(r -> r.path().get(1).equals("one_for_all")).count() < 3)) {
                Object o = s.seen.poll(100, TimeUnit.MILLISECONDS);
                if (o instanceof LiveEvent.Exit x && x.path().equals(path)) exit = x;
                if (o instanceof LiveEvent.Restart r) restarts.add(r);
            }
            assertThat(exit).as("exit of b reported").isNotNull();
            assertThat(exit.reason()).isEqualTo("killed");
            assertThat(exit.pid()).isEqualTo(victim.pid());
            LiveEvent.Restart restart = restarts.stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
            assertThat(restart.oldPid()).isEqualTo(victim.pid());
            assertThat(restart.newPid()).isNotEqualTo(victim.pid()).startsWith("<");
            // The bridge's own clock: the restart was seen within a second of the exit.
            assertThat(restart.atMs() - exit.atMs()).isBetween(0L, 1000L);
            // one_for_all: a and c are restarted too
            assertThat(restarts).extracting(r -> r.path().getLast()).contains("a", "b", "c");
            assertThat(s.watch.history(node.name, path)).hasSizeGreaterThanOrEqualTo(2);

            // Replay: the kill is the incident's one cause; a and c stopping are its consequences.
            LiveImport.Imported imported = LiveImport.of(s.watch.latest().orElseThrow().node(node.name).orElseThrow()
                    .app(node.app).orElseThrow()).orElseThrow();
            Design replay = IncidentScript.replay(imported.design(), s.watch.events(), node.name, node.app);
            assertThat(replay.faultScript()).containsExactly(
                    new Step(0, false, new Step.Exit(imported.design().root().id() + "/one_for_all/b", "kill")));
            assertThat(DesignValidator.validate(replay)).noneMatch(dev.canopy.diagrams.design.DesignProblem::isError);
        }
    }

    @Test
    void the_imported_tree_equals_the_sample_and_lists_what_otp_cannot_report() throws Exception {
        for (String name : List.of("strategies", "classic_application")) {
            Design design = sample(name);
            try (RealNode node = RealNode.boot(design, RealNode.uniqueName("canopy_import"), COOKIE, tmp.resolve(name), List.of());
                 Session s = attach(node.name)) {
                LiveSnapshot snap = s.snapshotWhere(x -> hasApp(x, node.name, node.app));
                LiveImport.Imported imported = LiveImport.of(snap.node(node.name).orElseThrow().app(node.app).orElseThrow()).orElseThrow();
                assertThat(lines(imported.design().root())).as(name).isEqualTo(lines(design.root()));
                assertThat(imported.design().name()).isEqualTo(node.app);
                assertThat(imported.unread()).anyMatch(u -> u.contains("Simulation settings")).anyMatch(u -> u.contains("Labels and notes"));
                assertThat(DesignValidator.validate(imported.design())).noneMatch(dev.canopy.diagrams.design.DesignProblem::isError);
                Path file = tmp.resolve(name + DesignFiles.SUFFIX);
                DesignFiles.save(file, imported.design());
                assertThat(DesignFiles.load(file)).isInstanceOf(LoadResult.Loaded.class);
            }
        }
    }

    @Test
    void two_connected_nodes_both_appear_and_a_stopped_one_is_shown_gone() throws Exception {
        RealNode b = RealNode.boot(sample("restart_storm"), RealNode.uniqueName("canopy_b"), COOKIE, tmp.resolve("b"), List.of());
        try (b; RealNode a = RealNode.boot(sample("strategies"), RealNode.uniqueName("canopy_a"), COOKIE, tmp.resolve("a"), List.of(b.name));
             Session s = attach(a.name)) {
            s.snapshotWhere(x -> hasApp(x, a.name, a.app) && hasApp(x, b.name, b.app));
            b.close();
            LiveSnapshot after = s.snapshotWhere(x -> x.node(b.name).map(n -> !n.up()).orElse(false));
            assertThat(after.node(a.name).orElseThrow().up()).isTrue();
            assertThat(s.watch.events()).anyMatch(e -> e instanceof LiveEvent.NodeGone g && g.node().equals(b.name));
        }
    }

    @Test
    void failures_are_sentences() throws Exception {
        try (RealNode node = RealNode.boot(sample("restart_storm"), RealNode.uniqueName("canopy_fail"), COOKIE, tmp.resolve("f"), List.of())) {
            String host = node.name.substring(node.name.indexOf('@') + 1);
            AttachFailure cookie = failure(AttachOptions.of(node.name, Optional.of("not_the_cookie")));
            assertThat(cookie.kind()).isEqualTo(AttachFailure.Kind.COOKIE);
            assertThat(cookie.sentence()).contains(node.name).contains("cookie is wrong");

            AttachFailure missing = failure(AttachOptions.of("nobody_here_" + ProcessHandle.current().pid() + "@" + host, Optional.of(COOKIE)));
            assertThat(missing.kind()).isEqualTo(AttachFailure.Kind.NOT_RUNNING);
            assertThat(missing.sentence()).startsWith("No node named nobody_here_");

            String shortName = node.name.substring(0, node.name.indexOf('@'));
            AttachFailure mode = failure(AttachOptions.of(shortName + "@127.0.0.1", Optional.of(COOKIE)));
            assertThat(mode.kind()).isEqualTo(AttachFailure.Kind.NAME_MODE);
            assertThat(mode.sentence()).contains("uses short names (-sname)").contains("attach to " + node.name);
        }
        AttachFailure noErl = failure(AttachOptions.of("x@y", Optional.empty()).withEnvironment(Map.of("PATH", tmp.toString())));
        assertThat(noErl.kind()).isEqualTo(AttachFailure.Kind.NO_ERL);
        assertThat(noErl.sentence()).contains("`erl`").contains("not on the PATH");
    }

    private static AttachFailure failure(AttachOptions o) {
        AttachResult r = NodeBridge.attach(o, m -> {});
        if (r instanceof AttachResult.Attached a) {
            a.bridge().close();
            throw new AssertionError("attached to " + o.target());
        }
        return ((AttachResult.NotAttached) r).failure();
    }

    @Test
    void the_cookie_never_shows_in_the_options_text() {
        assertThat(AttachOptions.of("a@b", Optional.of("s3cret")).toString()).doesNotContain("s3cret");
        assertThat(Files.exists(tmp)).isTrue();
    }
}
