package dev.canopy.app.ui.attach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import dev.canopy.diagrams.attach.LiveApp;
import dev.canopy.diagrams.attach.LiveEvent;
import dev.canopy.diagrams.attach.LiveNode;
import dev.canopy.diagrams.attach.LiveProcess;
import dev.canopy.diagrams.attach.LiveSnapshot;
import dev.canopy.diagrams.layout.LayoutTree;
import dev.canopy.diagrams.layout.LayoutTreeBuilder;
import dev.canopy.diagrams.render.NodeSizing;
import dev.canopy.diagrams.render.NodeVisual;
import dev.canopy.diagrams.render.RenderOptions;
import dev.canopy.diagrams.render.StyleToken;

/**
 * Maps a live cluster to what the design canvas draws: one tree with a cluster root, every BEAM
 * node side by side under it, each node's applications under the node, and each application's
 * supervision tree below. Keys are {@code node/app/id/id...} (a {@code /} inside an id is shown
 * as {@code ∕}). Toolkit-free.
 */
public final class LiveVisualMapper {

    public static final String ROOT = "cluster";

    /** OTP's own applications, hidden unless asked for. */
    public static final Set<String> OTP_APPS = Set.of("kernel", "stdlib", "sasl", "compiler", "crypto", "ssl",
            "public_key", "inets", "mnesia", "runtime_tools", "os_mon", "elixir", "iex", "mix", "logger", "asn1");

    /** A node's key and what is drawn for it, in parents-first order. */
    public record Mapped(LayoutTree tree, List<NodeVisual> visuals, Map<String, Located> index) {}

    /** Where a key points: a BEAM node, an application, or a process (with its event path: app then ids). */
    public record Located(String node, Optional<LiveApp> app, Optional<LiveProcess> process, List<String> eventPath) {}

    private final RenderOptions options = RenderOptions.defaults();

    public Mapped map(LiveSnapshot s, boolean showOtpApps, Map<String, Integer> restarts) {
        LayoutTreeBuilder b = LayoutTree.builder();
        List<NodeVisual> visuals = new ArrayList<>();
        Map<String, Located> index = new LinkedHashMap<>();
        long up = s.nodes().stream().filter(LiveNode::up).count();
        add(b, visuals, NodeVisual.of(ROOT, "cluster", up + " of " + s.nodes().size() + " nodes up",
                StyleToken.NODE_SUPERVISOR, StyleToken.STATE_RUNNING), null);
        for (LiveNode n : s.nodes()) {
            String nk = safe(n.name());
            add(b, visuals, NodeVisual.of(nk, n.name(), n.up() ? "node up" : "node gone",
                    StyleToken.NODE_SUPERVISOR, n.up() ? StyleToken.STATE_RUNNING : StyleToken.STATE_GAVE_UP), ROOT);
            index.put(nk, new Located(n.name(), Optional.empty(), Optional.empty(), List.of()));
            for (LiveApp a : n.apps()) {
                if (a.root().isEmpty() || (!showOtpApps && OTP_APPS.contains(a.name()))) continue;
                String ak = nk + "/" + safe(a.name());
                add(b, visuals, NodeVisual.of(ak, a.name(), "application " + a.version(), StyleToken.NODE_DYNAMIC,
                        n.up() ? StyleToken.STATE_RUNNING : StyleToken.STATE_GAVE_UP), nk);
                index.put(ak, new Located(n.name(), Optional.of(a), Optional.empty(), List.of()));
                process(b, visuals, index, n, a, a.root().get(), ak + "/" + safe(a.root().get().id()), ak,
                        List.of(a.name()), restarts);
            }
        }
        return new Mapped(b.build(), visuals, index);
    }

    private void process(LayoutTreeBuilder b, List<NodeVisual> visuals, Map<String, Located> index, LiveNode n, LiveApp a,
                         LiveProcess p, String key, String parent, List<String> eventPath, Map<String, Integer> restarts) {
        StyleToken state = !n.up() ? StyleToken.STATE_GAVE_UP : p.running() ? StyleToken.STATE_RUNNING
                : "restarting".equals(p.status()) ? StyleToken.STATE_RESTARTING : StyleToken.STATE_EXITED;
        OptionalDouble gauge = OptionalDouble.empty();
        add(b, visuals, new NodeVisual(key, p.id(), sublabel(p), kind(p), state,
                restarts.getOrDefault(eventKey(n.name(), eventPath), 0), (int) Math.max(0, Math.min(Integer.MAX_VALUE, p.messageQueue())),
                gauge, false), parent);
        index.put(key, new Located(n.name(), Optional.of(a), Optional.of(p), eventPath));
        for (LiveProcess c : p.children()) {
            List<String> childPath = new ArrayList<>(eventPath);
            childPath.add(c.id());
            process(b, visuals, index, n, a, c, key + "/" + safe(c.id()), key, List.copyOf(childPath), restarts);
        }
    }

    /** The key of an event's process ({@code node/app/ids}); the top supervisor's events carry the app only. */
    public static String eventKey(String node, List<String> eventPath) {
        return node + "\u0000" + String.join("\u0000", eventPath);
    }

    /** Restart counts per event key, from the events so far. */
    public static Map<String, Integer> restartCounts(List<LiveEvent> events) {
        Map<String, Integer> counts = new HashMap<>();
        for (LiveEvent e : events) {
            if (e instanceof LiveEvent.Restart r) counts.merge(eventKey(r.node(), r.path()), 1, Integer::sum);
        }
        return counts;
    }

    static String sublabel(LiveProcess p) {
        String where = p.running() ? p.pid() : p.status().isEmpty() ? "?" : p.status();
        if (p.isSupervisor() && !p.strategy().isEmpty()) {
            return where + " · " + p.strategy() + " " + p.intensity() + "/" + p.period() + "s";
        }
        return where; // memory is in the details: a narrow box keeps a cluster's trees readable side by side
    }

    static String kib(long bytes) {
        return bytes < 1024 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    private static StyleToken kind(LiveProcess p) {
        return switch (p.kind()) {
            case "supervisor", "unknown_supervisor" -> "simple_one_for_one".equals(p.strategy()) ? StyleToken.NODE_DYNAMIC : StyleToken.NODE_SUPERVISOR;
            case "dynamic_supervisor" -> StyleToken.NODE_DYNAMIC;
            case "registry" -> StyleToken.NODE_REGISTRY;
            default -> StyleToken.NODE_WORKER;
        };
    }

    private void add(LayoutTreeBuilder b, List<NodeVisual> visuals, NodeVisual v, String parent) {
        b.add(v.key(), parent, NodeSizing.widthPx(v, options), NodeSizing.heightPx());
        visuals.add(v);
    }

    static String safe(String id) {
        return id.replace('/', '\u2215');
    }
}
