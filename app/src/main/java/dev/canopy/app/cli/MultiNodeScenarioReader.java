package dev.canopy.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.canopy.diagrams.scenario.Json;
import dev.canopy.diagrams.scenario.JsonCursor;
import dev.canopy.diagrams.scenario.JsonTree;
import dev.canopy.diagrams.scenario.Problem;
import dev.canopy.diagrams.scenario.Problems;
import dev.canopy.diagrams.scenario.TextFiles;
import dev.canopy.engine.cluster.scenario.MultiNodeScenario;
import dev.canopy.engine.cluster.scenario.MultiNodeScenario.Action;
import dev.canopy.engine.cluster.scenario.MultiNodeScenario.ProcessRef;

/**
 * Reads multi-node scenario files (conformance/MULTINODE-FORMAT.md §1) into the engine's
 * {@link MultiNodeScenario}. Never throws for bad input: every problem is returned with its
 * file, line and JSON path, including references (an unknown node, a process used before the
 * step that spawns it, a partition that leaves a node out).
 */
final class MultiNodeScenarioReader {

    /** The outcome: the scenario, or every problem found, in file order. */
    sealed interface Result {
        record Ok(MultiNodeScenario scenario) implements Result {}

        record Invalid(List<Problem> problems) implements Result {}
    }

    private static final Set<String> TOP_LEVEL = Set.of("name", "description", "nodes", "steps");
    private static final Map<String, Set<String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("spawn", Set.of("target"));
        FIELDS.put("kill", Set.of("target"));
        FIELDS.put("register_global", Set.of("name", "target", "resolver"));
        FIELDS.put("whereis_global", Set.of("on", "name"));
        FIELDS.put("call", Set.of("from", "target", "timeout_ms"));
        FIELDS.put("monitor", Set.of("on", "target"));
        FIELDS.put("monitor_node", Set.of("on", "node"));
        FIELDS.put("link", Set.of("target", "to"));
        FIELDS.put("partition", Set.of("groups"));
        FIELDS.put("disconnect", Set.of("a", "b"));
        FIELDS.put("heal", Set.of());
        FIELDS.put("nodes", Set.of("on"));
        FIELDS.put("overlap", Set.of());
    }

    private static final Map<String, String> RESOLVERS = new LinkedHashMap<>();

    static {
        RESOLVERS.put("default", "default");
        RESOLVERS.put("keep_first_node", "keep_first_node");
    }

    private MultiNodeScenarioReader() {}

    /** True when the file is a JSON object with a top-level {@code nodes} key (a multi-node scenario). */
    static boolean isMultiNode(Path file) {
        if (!(TextFiles.read(file) instanceof TextFiles.Read.Text t)) return false;
        return JsonTree.parse(t.text(), new Problems(file.toString()))
                .filter(root -> root instanceof Json.Obj obj && obj.members().stream().anyMatch(m -> m.key().equals("nodes")))
                .isPresent();
    }

    static Result read(Path file) {
        String where = file.toString();
        Problems problems = new Problems(where);
        String text = switch (TextFiles.read(file)) {
            case TextFiles.Read.Text t -> t.text();
            case TextFiles.Read.Unreadable u -> {
                problems.add("$", 0, u.reason());
                yield null;
            }
        };
        Path fileName = file.getFileName();
        String stem = fileName == null ? "" : fileName.toString().replaceFirst("\\.json$", "");
        Optional<MultiNodeScenario> scenario = text == null ? Optional.empty()
                : JsonTree.parse(text, problems).flatMap(root -> new MultiNodeScenarioReader.Parse(problems).scenario(JsonCursor.root(root, problems), stem));
        return problems.isEmpty() && scenario.isPresent() ? new Result.Ok(scenario.get()) : new Result.Invalid(problems.inFileOrder());
    }

    /** One file's reading: the nodes declared and the processes spawned so far. */
    private static final class Parse {
        private final Problems problems;
        private final List<String> nodes = new ArrayList<>();
        private final Set<String> spawned = new HashSet<>();

        Parse(Problems problems) { this.problems = problems; }

        Optional<MultiNodeScenario> scenario(JsonCursor doc, String stem) {
            if (!doc.expectObject()) return Optional.empty();
            doc.checkKeys(TOP_LEVEL, key -> Optional.empty());
            Optional<String> name = doc.require("name").flatMap(JsonCursor::string);
            if (name.isPresent() && !name.get().equals(stem)) {
                doc.get("name").orElseThrow().report("name must equal the file name without .json, '" + stem + "', not '" + name.get() + "'");
            }
            String description = doc.get("description").flatMap(JsonCursor::string).orElse("");
            doc.require("nodes").flatMap(JsonCursor::items).ifPresent(items -> {
                for (var item : items) {
                    item.id().ifPresent(n -> {
                        if (nodes.contains(n)) item.report("node '" + n + "' is declared twice");
                        else nodes.add(n);
                    });
                }
                if (items.isEmpty()) doc.get("nodes").orElseThrow().report("nodes must name at least one node");
            });
            var steps = new ArrayList<MultiNodeScenario.Step>();
            long[] lastAt = {0};
            doc.get("steps").flatMap(JsonCursor::items).ifPresent(items -> {
                for (var item : items) step(item, lastAt).ifPresent(steps::add);
            });
            return name.map(n -> new MultiNodeScenario(n, description, nodes, steps));
        }

        private Optional<MultiNodeScenario.Step> step(JsonCursor s, long[] lastAt) {
            if (!s.expectObject()) return Optional.empty();
            Optional<String> op = s.require("do").flatMap(c -> c.oneOf(ops()));
            Set<String> known = new HashSet<>(op.map(FIELDS::get).orElse(Set.of()));
            known.add("at_ms");
            known.add("do");
            if (op.isPresent()) s.checkKeys(known, key -> Optional.empty());
            Optional<Long> at = s.require("at_ms").flatMap(JsonCursor::nonNegativeLong);
            if (at.isPresent()) {
                if (at.get() < lastAt[0]) s.get("at_ms").orElseThrow().report("at_ms must not decrease: " + at.get() + " comes after " + lastAt[0]);
                else lastAt[0] = at.get();
            }
            Optional<Action> action = op.flatMap(o -> action(o, s));
            return at.flatMap(t -> action.map(a -> new MultiNodeScenario.Step(t, a)));
        }

        private static Map<String, String> ops() {
            var m = new LinkedHashMap<String, String>();
            for (var k : FIELDS.keySet()) m.put(k, k);
            return m;
        }

        private Optional<Action> action(String op, JsonCursor s) {
            return switch (op) {
                case "spawn" -> s.require("target").flatMap(c -> processRef(c, true)).map(MultiNodeScenario.Spawn::new);
                case "kill" -> process(s, "target").map(MultiNodeScenario.Kill::new);
                case "register_global" -> {
                    var name = s.require("name").flatMap(JsonCursor::id);
                    var target = process(s, "target");
                    var resolver = s.get("resolver").map(c -> c.oneOf(RESOLVERS)).orElse(Optional.of("default"));
                    yield name.flatMap(n -> target.flatMap(t -> resolver.map(r -> new MultiNodeScenario.RegisterGlobal(n, t, r))));
                }
                case "whereis_global" -> node(s, "on").flatMap(on -> s.require("name").flatMap(JsonCursor::id)
                        .map(n -> new MultiNodeScenario.WhereisGlobal(on, n)));
                case "call" -> {
                    var from = node(s, "from");
                    var target = s.require("target").flatMap(this::callTarget);
                    var timeout = s.get("timeout_ms").map(JsonCursor::nonNegativeLong).orElse(Optional.of(1000L));
                    yield from.flatMap(f -> target.flatMap(t -> timeout.map(ms -> new MultiNodeScenario.Call(f, t, ms))));
                }
                case "monitor" -> node(s, "on").flatMap(on -> process(s, "target").map(t -> new MultiNodeScenario.Monitor(on, t)));
                case "monitor_node" -> node(s, "on").flatMap(on -> node(s, "node").map(n -> new MultiNodeScenario.MonitorNode(on, n)));
                case "link" -> process(s, "target").flatMap(t -> process(s, "to").map(to -> new MultiNodeScenario.Link(t, to)));
                case "partition" -> s.require("groups").flatMap(this::groups).map(MultiNodeScenario.Partition::new);
                case "disconnect" -> {
                    var a = node(s, "a");
                    var b = node(s, "b");
                    if (a.isPresent() && a.equals(b)) {
                        s.get("b").orElseThrow().report("b must be another node than a");
                        yield Optional.empty();
                    }
                    yield a.flatMap(x -> b.map(y -> new MultiNodeScenario.Disconnect(x, y)));
                }
                case "heal" -> Optional.of(new MultiNodeScenario.Heal());
                case "nodes" -> node(s, "on").map(MultiNodeScenario.Nodes::new);
                case "overlap" -> Optional.of(new MultiNodeScenario.Overlap());
                default -> Optional.empty();
            };
        }

        private Optional<String> node(JsonCursor s, String key) {
            return s.require(key).flatMap(c -> c.id().filter(n -> {
                if (nodes.contains(n)) return true;
                c.report(key + " names no node of this scenario (" + String.join(", ", nodes) + "): '" + n + "'");
                return false;
            }));
        }

        private Optional<ProcessRef> process(JsonCursor s, String key) {
            return s.require(key).flatMap(c -> processRef(c, false));
        }

        /** NODE:ID; a spawn must name a new process, any other step one spawned by an earlier step. */
        private Optional<ProcessRef> processRef(JsonCursor c, boolean spawn) {
            return c.string().flatMap(text -> {
                int colon = text.indexOf(':');
                String node = colon < 0 ? "" : text.substring(0, colon);
                String id = colon < 0 ? "" : text.substring(colon + 1);
                if (!node.matches("[A-Za-z0-9_]+") || !id.matches("[A-Za-z0-9_]+")) {
                    c.report(c.name() + " must be NODE:ID (letters, digits and _), not " + c.show());
                    return Optional.empty();
                }
                if (!nodes.contains(node)) {
                    c.report(c.name() + " names no node of this scenario (" + String.join(", ", nodes) + "): '" + node + "'");
                    return Optional.empty();
                }
                if (spawn && !spawned.add(text)) {
                    c.report("process '" + text + "' is spawned twice");
                    return Optional.empty();
                }
                if (!spawn && !spawned.contains(text)) {
                    c.report("no process '" + text + "' is spawned before this step");
                    return Optional.empty();
                }
                return Optional.of(new ProcessRef(node, id));
            });
        }

        private Optional<MultiNodeScenario.Target> callTarget(JsonCursor c) {
            if (c.value() instanceof Json.Str str && str.value().startsWith("global:")) {
                String name = str.value().substring("global:".length());
                if (name.matches("[A-Za-z0-9_]+")) return Optional.of(new MultiNodeScenario.GlobalTarget(name));
                c.report("target must be global:NAME (letters, digits and _), not " + c.show());
                return Optional.empty();
            }
            return processRef(c, false).map(MultiNodeScenario.ProcessTarget::new);
        }

        private Optional<List<List<String>>> groups(JsonCursor c) {
            return c.items().flatMap(items -> {
                var groups = new ArrayList<List<String>>();
                var seen = new HashSet<String>();
                boolean ok = true;
                for (var g : items) {
                    var members = g.items();
                    if (members.isEmpty()) { ok = false; continue; }
                    var group = new ArrayList<String>();
                    for (var m : members.get()) {
                        var n = m.id();
                        if (n.isEmpty()) { ok = false; continue; }
                        if (!nodes.contains(n.get())) {
                            m.report("names no node of this scenario (" + String.join(", ", nodes) + "): '" + n.get() + "'");
                            ok = false;
                        } else if (!seen.add(n.get())) {
                            m.report("node '" + n.get() + "' is in two groups");
                            ok = false;
                        } else {
                            group.add(n.get());
                        }
                    }
                    if (group.isEmpty() && members.get().isEmpty()) { g.report("a group must name at least one node"); ok = false; }
                    groups.add(group);
                }
                if (ok && seen.size() != nodes.size()) {
                    var missing = nodes.stream().filter(n -> !seen.contains(n)).toList();
                    c.report("the groups must hold every node; missing: " + String.join(", ", missing));
                    ok = false;
                }
                return ok ? Optional.of(List.copyOf(groups)) : Optional.empty();
            });
        }
    }
}
