package dev.canopy.diagrams.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Navigation and edits by slash path of ids from the root ({@code "root/sub/a"}, the same form as
 * step targets). A dynamic supervisor's child template is addressed as its child
 * ({@code "root/sessions/session"}). Edits return a new design; the argument is never changed.
 * Edits throw {@link IllegalArgumentException} for a path that does not exist or a node that
 * cannot hold children.
 */
public final class DesignPaths {

    private DesignPaths() {
    }

    /** The node at the path, if any. */
    public static Optional<DesignNode> find(Design design, String path) {
        List<String> ids = split(path);
        if (ids.isEmpty() || !ids.getFirst().equals(design.root().id())) return Optional.empty();
        DesignNode node = design.root();
        for (String id : ids.subList(1, ids.size())) {
            Optional<DesignNode> next = child(node, id);
            if (next.isEmpty()) return Optional.empty();
            node = next.get();
        }
        return Optional.of(node);
    }

    /** The path of the parent ({@code "root/sub"} for {@code "root/sub/a"}); empty for the root. */
    public static Optional<String> parentPath(String path) {
        int cut = path.lastIndexOf('/');
        return cut < 0 ? Optional.empty() : Optional.of(path.substring(0, cut));
    }

    /** The parent node of the node at the path; empty for the root or a path that does not exist. */
    public static Optional<DesignNode> parentOf(Design design, String path) {
        return find(design, path).flatMap(n -> parentPath(path)).flatMap(p -> find(design, p));
    }

    /** Every node's path, depth first in start order (a child template after its supervisor). */
    public static List<String> allPaths(Design design) {
        List<String> out = new ArrayList<>();
        collect(design.root(), design.root().id(), out);
        return out;
    }

    /** The JSON path of the node at the slash path, e.g. {@code $.tree.children[2]}. */
    public static Optional<String> jsonPath(Design design, String path) {
        List<String> ids = split(path);
        if (ids.isEmpty() || !ids.getFirst().equals(design.root().id())) return Optional.empty();
        StringBuilder json = new StringBuilder("$.tree");
        DesignNode node = design.root();
        for (String id : ids.subList(1, ids.size())) {
            if (node instanceof DynamicSupervisorNode d && d.childTemplate().isPresent()
                    && d.childTemplate().get().id().equals(id)) {
                json.append(".child_template");
                node = d.childTemplate().get();
                continue;
            }
            List<DesignNode> children = node.children();
            int i = indexOf(children, id);
            if (i < 0) return Optional.empty();
            json.append(".children[").append(i).append(']');
            node = children.get(i);
        }
        return Optional.of(json.toString());
    }

    /** Replaces the node at the path (the root included) with {@code replacement}. */
    public static Design replace(Design design, String path, DesignNode replacement) {
        require(design, path);
        return design.withRoot(rebuild(design.root(), split(path), 1, old -> Optional.of(replacement)));
    }

    /** Inserts {@code node} as a child of the supervisor at {@code parentPath}, at {@code index} (0..size). */
    public static Design insert(Design design, String parentPath, int index, DesignNode node) {
        DesignNode parent = require(design, parentPath);
        if (!(parent instanceof SupervisorNode sup)) {
            throw new IllegalArgumentException("only a supervisor has children in the tree, not a "
                    + parent.kind().jsonName() + " ('" + parentPath + "')");
        }
        if (index < 0 || index > sup.children().size()) {
            throw new IllegalArgumentException("index " + index + " is outside 0.." + sup.children().size());
        }
        List<DesignNode> children = new ArrayList<>(sup.children());
        children.add(index, node);
        return replace(design, parentPath, sup.withChildren(children));
    }

    /** Removes the node at the path (not the root); a child template is removed from its supervisor. */
    public static Design remove(Design design, String path) {
        require(design, path);
        if (parentPath(path).isEmpty()) throw new IllegalArgumentException("the root cannot be removed");
        return design.withRoot(rebuild(design.root(), split(path), 1, old -> Optional.empty()));
    }

    /** Moves the subtree at {@code path} under the supervisor at {@code newParentPath}, at {@code index}. */
    public static Design move(Design design, String path, String newParentPath, int index) {
        DesignNode node = require(design, path);
        if (newParentPath.equals(path) || newParentPath.startsWith(path + "/")) {
            throw new IllegalArgumentException("cannot move '" + path + "' into its own subtree");
        }
        Design without = remove(design, path);
        return insert(without, newParentPath, index, node);
    }

    // ----

    private static DesignNode require(Design design, String path) {
        return find(design, path).orElseThrow(() -> new IllegalArgumentException("no node at '" + path + "'"));
    }

    private static List<String> split(String path) {
        return path.isEmpty() ? List.of() : List.of(path.split("/", -1));
    }

    private static int indexOf(List<DesignNode> nodes, String id) {
        for (int i = 0; i < nodes.size(); i++) if (nodes.get(i).id().equals(id)) return i;
        return -1;
    }

    private static Optional<DesignNode> child(DesignNode node, String id) {
        int i = indexOf(node.children(), id);
        if (i >= 0) return Optional.of(node.children().get(i));
        if (node instanceof DynamicSupervisorNode d) return d.childTemplate().filter(t -> t.id().equals(id)).map(t -> t);
        return Optional.empty();
    }

    private static void collect(DesignNode node, String path, List<String> out) {
        out.add(path);
        for (DesignNode c : node.children()) collect(c, path + "/" + c.id(), out);
        if (node instanceof DynamicSupervisorNode d) d.childTemplate().ifPresent(t -> out.add(path + "/" + t.id()));
    }

    /** Rebuilds the spine down to ids[depth..]; {@code change} maps the target to its replacement (or removal). */
    private static DesignNode rebuild(DesignNode node, List<String> ids, int depth,
                                      java.util.function.Function<DesignNode, Optional<DesignNode>> change) {
        if (depth == ids.size()) return change.apply(node).orElseThrow();
        String id = ids.get(depth);
        boolean last = depth == ids.size() - 1;
        if (node instanceof SupervisorNode sup) {
            int i = indexOf(sup.children(), id);
            if (i >= 0) {
                List<DesignNode> children = new ArrayList<>(sup.children());
                if (last) {
                    Optional<DesignNode> replaced = change.apply(children.get(i));
                    if (replaced.isPresent()) children.set(i, replaced.get());
                    else children.remove(i);
                } else {
                    children.set(i, rebuild(children.get(i), ids, depth + 1, change));
                }
                return sup.withChildren(children);
            }
        }
        if (node instanceof DynamicSupervisorNode d && d.childTemplate().isPresent() && d.childTemplate().get().id().equals(id)) {
            Optional<DesignNode> replaced = last ? change.apply(d.childTemplate().get())
                    : Optional.of(rebuild(d.childTemplate().get(), ids, depth + 1, change));
            if (replaced.isPresent() && !(replaced.get() instanceof WorkerNode)) {
                throw new IllegalArgumentException("a child template must be a worker");
            }
            return d.withChildTemplate(replaced.map(WorkerNode.class::cast));
        }
        throw new IllegalArgumentException("no node '" + id + "' under '" + node.id() + "'");
    }
}
