package dev.canopy.diagrams.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.canopy.engine.scenario.NodeKind;
import dev.canopy.engine.scenario.NodeSpec;
import dev.canopy.engine.supervisor.Shutdown;

/** Reads one node of the tree (and, recursively, its children), applying the format's defaults. */
public final class NodeReader {

    private static final Set<String> COMMON = Set.of("id", "kind", "init", "restart", "shutdown", "significant");
    private static final Map<NodeKind, Set<String>> OWN = Map.of(
            NodeKind.WORKER, Set.of("trap_exit", "terminate_ms"),
            NodeKind.SUPERVISOR, Set.of("strategy", "max_restarts", "max_seconds", "auto_shutdown", "children"),
            NodeKind.DYNAMIC_SUPERVISOR, Set.of("max_restarts", "max_seconds", "max_children"));
    private static final Set<String> KNOWN = union();

    private NodeReader() {
    }

    /** Reads a node; the root's kind defaults to supervisor, every other node's to worker. */
    static Optional<NodeSpec> read(JsonCursor node, boolean root) {
        if (!node.expectObject()) return Optional.empty();
        Optional<String> id = node.require("id").flatMap(JsonCursor::id);
        Optional<NodeKind> kind = node.get("kind").map(k -> k.oneOf(Vocabulary.KIND))
                .orElse(Optional.of(root ? NodeKind.SUPERVISOR : NodeKind.WORKER));
        node.checkKeys(KNOWN, key -> kind.flatMap(k -> whyNot(k, key)));

        // An unknown kind has been reported; still check every value, as if each key applied.
        NodeSpec d = NodeSpec.defaults(id.orElse("?"), kind.orElse(NodeKind.WORKER));
        var spec = new NodeSpec(d.id(), d.kind(),
                read(node, kind, "init", InitReader::read).orElse(d.init()),
                read(node, kind, "restart", c -> c.oneOf(Vocabulary.RESTART)).orElse(d.restart()),
                read(node, kind, "shutdown", NodeReader::shutdown).orElse(d.shutdown()),
                read(node, kind, "significant", JsonCursor::bool).orElse(d.significant()),
                read(node, kind, "trap_exit", JsonCursor::bool).orElse(d.trapExit()),
                read(node, kind, "terminate_ms", JsonCursor::nonNegativeLong).orElse(d.terminateMs()),
                read(node, kind, "strategy", c -> c.oneOf(Vocabulary.STRATEGY)).orElse(d.strategy()),
                read(node, kind, "max_restarts", JsonCursor::nonNegativeInt).orElse(d.maxRestarts()),
                read(node, kind, "max_seconds", JsonCursor::positiveInt).orElse(d.maxSeconds()),
                read(node, kind, "auto_shutdown", c -> c.oneOf(Vocabulary.AUTO_SHUTDOWN)).orElse(d.autoShutdown()),
                read(node, kind, "max_children", NodeReader::maxChildren).orElse(d.maxChildren()),
                read(node, kind, "children", NodeReader::children).orElse(d.children()));
        return id.isPresent() && kind.isPresent() ? Optional.of(spec) : Optional.empty();
    }

    /** Reads the key when present and applicable to the kind (inapplicable keys are already reported). */
    private static <T> Optional<T> read(JsonCursor node, Optional<NodeKind> kind, String key,
                                        java.util.function.Function<JsonCursor, Optional<T>> reader) {
        if (kind.isPresent() && whyNot(kind.get(), key).isPresent()) return Optional.empty();
        return node.get(key).flatMap(reader);
    }

    private static Optional<String> whyNot(NodeKind kind, String key) {
        if (COMMON.contains(key) || OWN.get(kind).contains(key)) return Optional.empty();
        if (key.equals("children")) {
            return Optional.of(kind == NodeKind.WORKER ? "a worker cannot have children"
                    : "a dynamic_supervisor cannot have children in the tree; it gets them through start_child steps");
        }
        return Optional.of("'" + key + "' does not apply to a " + kind.jsonName());
    }

    public static Optional<Shutdown> shutdown(JsonCursor c) {
        if (c.value() instanceof Json.Str s && s.value().equals("brutal_kill")) return Optional.of(Shutdown.BRUTAL_KILL);
        if (c.value() instanceof Json.Str s && s.value().equals("infinity")) return Optional.of(Shutdown.INFINITY);
        if (c.value() instanceof Json.Num n && n.integer() != null && n.integer().signum() >= 0 && n.integer().bitLength() < 64) {
            return Optional.of(new Shutdown.Timeout(n.integer().longValueExact()));
        }
        c.report("shutdown must be a non-negative integer (ms), \"brutal_kill\" or \"infinity\", not " + c.show());
        return Optional.empty();
    }

    public static Optional<Integer> maxChildren(JsonCursor c) {
        if (c.value() instanceof Json.Str s && s.value().equals("infinity")) return Optional.of(-1);
        if (c.value() instanceof Json.Num n && n.integer() != null && n.integer().signum() >= 0 && n.integer().bitLength() < 32) {
            return Optional.of(n.integer().intValueExact());
        }
        c.report("max_children must be a non-negative integer or \"infinity\", not " + c.show());
        return Optional.empty();
    }

    private static Optional<List<NodeSpec>> children(JsonCursor c) {
        List<NodeSpec> children = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonCursor child : c.items().orElse(List.of())) {
            read(child, false).ifPresent(children::add);
            child.get("id").ifPresent(id -> {
                if (id.value() instanceof Json.Str s && Vocabulary.isId(s.value()) && !ids.add(s.value())) {
                    id.report("duplicate id '" + s.value() + "' among siblings");
                }
            });
        }
        return Optional.of(children);
    }

    private static Set<String> union() {
        Set<String> all = new HashSet<>(COMMON);
        OWN.values().forEach(all::addAll);
        return Set.copyOf(all);
    }
}
