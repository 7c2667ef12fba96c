package dev.canopy.diagrams.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Strategy;

/**
 * What canopy_check.erl must print for a design exported to one target: one line per running
 * child, in start order ({@code depth idhex type restart shutdown significant flags}), and
 * after killing a worker, which lines keep their pid, get a new one or disappear, following
 * SEMANTICS.md §6-7 and §11 (kill is an abnormal exit; one restart per supervisor fits any
 * intensity ≥ 1; intensity 0 gives up and escalates).
 */
final class ExpectedTree {

    enum Target { ERLANG, ELIXIR }

    /** One child line; {@code path} is the ids from the top supervisor down, joined by '/'. */
    record Line(String path, List<String> idPath, int depth, String fields, DesignNode node, Line parent) {}

    final List<Line> lines = new ArrayList<>();

    ExpectedTree(Design design, Target target) {
        Deque<Line> stack = new ArrayDeque<>();
        List<DesignNode> top = design.root().children();
        for (int i = top.size() - 1; i >= 0; i--) {
            stack.push(line(top.get(i), null, target));
        }
        while (!stack.isEmpty()) {
            Line l = stack.pop();
            lines.add(l);
            List<DesignNode> kids = l.node().children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(line(kids.get(i), l, target));
            }
        }
    }

    private static Line line(DesignNode n, Line parent, Target t) {
        List<String> idPath = new ArrayList<>(parent == null ? List.of() : parent.idPath());
        idPath.add(n.id());
        String type = n instanceof RegistryNode && t == Target.ERLANG ? "worker" : n.kind().childType().atom();
        String fields = (parent == null ? 0 : parent.depth() + 1) + " " + hex(n.id()) + " " + type + " "
                + n.spec().restart().atom() + " " + n.spec().shutdown().render() + " " + n.spec().significant() + " "
                + flags(n, t);
        return new Line(String.join("/", idPath), idPath, parent == null ? 0 : parent.depth() + 1, fields, n, parent);
    }

    static String flags(DesignNode n, Target t) {
        return switch (n) {
            case SupervisorNode s -> s.strategy().atom() + "/" + s.maxRestarts() + "/" + s.maxSeconds() + "/" + s.autoShutdown().atom();
            case DynamicSupervisorNode d -> (t == Target.ELIXIR ? "dynamic_one_for_one"
                    : d.childTemplate().isPresent() ? "simple_one_for_one" : "one_for_one")
                    + "/" + d.maxRestarts() + "/" + d.maxSeconds() + "/never";
            case TaskSupervisorNode k -> (t == Target.ELIXIR ? "dynamic_one_for_one" : "simple_one_for_one")
                    + "/" + k.maxRestarts() + "/" + k.maxSeconds() + "/never";
            case RegistryNode r -> t == Target.ELIXIR ? "registry" : "-";
            case WorkerNode w -> "-";
        };
    }

    static String hex(String id) {
        return HexFormat.of().formatHex(id.getBytes(StandardCharsets.UTF_8));
    }

    /** The worker to kill: the first under a one_for_all or rest_for_one supervisor, else the first. */
    Line victim() {
        return lines.stream().filter(l -> l.node() instanceof WorkerNode && l.parent() != null
                        && l.parent().node() instanceof SupervisorNode s && s.strategy() != Strategy.ONE_FOR_ONE)
                .findFirst()
                .or(() -> lines.stream().filter(l -> l.node() instanceof WorkerNode).findFirst())
                .orElse(null);
    }

    /** What happens to each line when {@code victim} is killed. */
    enum Fate { SAME, NEW_PID, NOT_RUNNING, GONE }

    /** Fates by path; the top supervisor's own fate is returned under the key "" (SAME or GONE). */
    java.util.Map<String, Fate> afterKilling(Line victim, DesignNode root) {
        java.util.Map<String, Fate> fate = new java.util.LinkedHashMap<>();
        fate.put("", Fate.SAME);
        for (Line l : lines) {
            fate.put(l.path(), Fate.SAME);
        }
        // The exiting child and its parent (null parent line = the top supervisor).
        Line child = victim;
        boolean abnormal = true;
        while (true) {
            final Line c = child;
            DesignNode parentNode = c.parent() == null ? root : c.parent().node();
            SupervisorNode parent = (SupervisorNode) parentNode;
            Restart r = child.node().spec().restart();
            boolean restart = r == Restart.PERMANENT || (r == Restart.TRANSIENT && abnormal);
            List<Line> siblings = lines.stream().filter(l -> l.parent() == c.parent()).toList();
            if (!restart) {
                setSubtree(fate, child, r == Restart.TEMPORARY ? Fate.GONE : Fate.NOT_RUNNING);
                boolean autoShutdown = child.node().spec().significant() && parent.autoShutdown() != AutoShutdown.NEVER
                        && (parent.autoShutdown() == AutoShutdown.ANY_SIGNIFICANT || siblings.stream()
                                .noneMatch(s -> s != c && s.node().spec().significant()));
                if (!autoShutdown) {
                    return fate;
                }
            } else if (parent.maxRestarts() >= 1) {
                int at = siblings.indexOf(child);
                for (int i = 0; i < siblings.size(); i++) {
                    Line s = siblings.get(i);
                    boolean inGroup = s == child || parent.strategy() == Strategy.ONE_FOR_ALL
                            || (parent.strategy() == Strategy.REST_FOR_ONE && i > at);
                    if (inGroup) {
                        setSubtree(fate, s, s != child && s.node().spec().restart() == Restart.TEMPORARY ? Fate.GONE : Fate.NEW_PID);
                    }
                }
                return fate;
            }
            // The parent supervisor stops with reason shutdown (gave up, or auto_shutdown).
            if (child.parent() == null) {
                fate.replaceAll((k, v) -> Fate.GONE);
                return fate;
            }
            child = child.parent();
            abnormal = false;
        }
    }

    private void setSubtree(java.util.Map<String, Fate> fate, Line top, Fate f) {
        fate.put(top.path(), f);
        for (Line l : lines) {
            if (l.path().startsWith(top.path() + "/") && l != top) {
                fate.put(l.path(), f == Fate.NOT_RUNNING ? Fate.GONE : f);
            }
        }
    }
}
