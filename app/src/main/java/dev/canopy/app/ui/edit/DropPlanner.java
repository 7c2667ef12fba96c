package dev.canopy.app.ui.edit;

import java.util.Optional;
import java.util.OptionalInt;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignKind;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;

/**
 * The rules of drag and drop on the canvas, without any UI: what a drop of a palette item or of
 * an existing node onto a target node would do.
 *
 * <ul>
 * <li>{@link DropPosition#INSIDE} a supervisor appends as its last child (it starts last);
 *     a palette Worker dropped inside a DynamicSupervisor without a child template becomes its
 *     template; every other kind refuses children, with a sentence saying why.</li>
 * <li>{@link DropPosition#BEFORE} / {@link DropPosition#AFTER} a node places the dragged node
 *     among the target's siblings at that index: a {@link EditCommand.Reorder} within the same
 *     supervisor, a {@link EditCommand.Reparent} from another, an {@link EditCommand.AddNode}
 *     from the palette.</li>
 * <li>Refused: the root as a sibling target, a node into its own subtree, a move that changes
 *     nothing, an id already used by a sibling, moving the root or a child template.</li>
 * </ul>
 * Start-order numbers on the canvas are {@link #startOrder} (1-based index among siblings).
 */
public final class DropPlanner {

    private DropPlanner() {
    }

    public static DropPlan plan(Design design, Dragged dragged, String targetPath, DropPosition position) {
        Optional<DesignNode> target = DesignPaths.find(design, targetPath);
        if (target.isEmpty()) return refused("there is no node at '" + targetPath + "'");
        return switch (dragged) {
            case Dragged.NewNode n -> planNew(design, n.kind(), targetPath, target.get(), position);
            case Dragged.ExistingNode e -> planMove(design, e.path(), targetPath, target.get(), position);
        };
    }

    /** The 1-based start order of the node at the path among its siblings; empty for the root or a child template. */
    public static OptionalInt startOrder(Design design, String path) {
        Optional<DesignNode> parent = DesignPaths.parentOf(design, path);
        if (parent.isEmpty()) return OptionalInt.empty();
        int i = Trees.indexOf(parent.get(), Trees.lastId(path));
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i + 1);
    }

    // ---- palette

    private static DropPlan planNew(Design design, DesignKind kind, String targetPath, DesignNode target,
                                    DropPosition position) {
        String id = Trees.freshId(design, kind);
        DesignNode node = DesignNode.defaults(id, kind);
        if (position == DropPosition.INSIDE) {
            if (target instanceof SupervisorNode sup) {
                return allowed(new EditCommand.AddNode(targetPath, sup.children().size(), node));
            }
            if (target instanceof DynamicSupervisorNode d && node instanceof WorkerNode w) {
                if (d.childTemplate().isPresent()) {
                    return refused("'" + d.id() + "' already has a child template ('" + d.childTemplate().get().id()
                            + "'); a DynamicSupervisor starts one kind of child");
                }
                return allowed(new EditCommand.ChangeNode(targetPath, d, d.withChildTemplate(Optional.of(w)),
                        "child_template"));
            }
            if (target instanceof DynamicSupervisorNode d) {
                return refused("a DynamicSupervisor's child template must be a Worker, not a " + Trees.title(kind)
                        + " ('" + d.id() + "')");
            }
            return refused(Trees.cannotHoldChildren(target));
        }
        Optional<Sibling> at = siblingSlot(design, targetPath, target, position);
        if (at.isEmpty()) return refused(siblingRefusal(design, targetPath, target));
        return allowed(new EditCommand.AddNode(at.get().parentPath(), at.get().index(), node));
    }

    // ---- moves

    private static DropPlan planMove(Design design, String path, String targetPath, DesignNode target,
                                     DropPosition position) {
        Optional<DesignNode> found = DesignPaths.find(design, path);
        if (found.isEmpty()) return refused("there is no node at '" + path + "'");
        DesignNode node = found.get();
        Optional<String> oldParentPath = DesignPaths.parentPath(path);
        if (oldParentPath.isEmpty()) return refused("the root cannot be moved; a design has one root");
        if (Trees.isChildTemplate(design, path)) {
            return refused("'" + node.id() + "' is a child template; it stays with its DynamicSupervisor");
        }
        if (targetPath.equals(path) && position != DropPosition.INSIDE) {
            return refused("'" + node.id() + "' is already there");
        }
        if (Trees.within(targetPath, path)) {
            return refused(targetPath.equals(path)
                    ? "'" + node.id() + "' cannot be dropped into itself"
                    : "'" + node.id() + "' cannot be dropped into its own subtree");
        }
        String newParentPath;
        int insertIndex; // index in the new parent's children before the node is taken out
        if (position == DropPosition.INSIDE) {
            if (!(target instanceof SupervisorNode sup)) return refused(Trees.cannotHoldChildren(target));
            newParentPath = targetPath;
            insertIndex = sup.children().size();
        } else {
            Optional<Sibling> at = siblingSlot(design, targetPath, target, position);
            if (at.isEmpty()) return refused(siblingRefusal(design, targetPath, target));
            newParentPath = at.get().parentPath();
            insertIndex = at.get().index();
        }
        SupervisorNode newParent = (SupervisorNode) DesignPaths.find(design, newParentPath).orElseThrow();
        if (newParentPath.equals(oldParentPath.get())) {
            int from = Trees.indexOf(newParent, node.id());
            int to = insertIndex > from ? insertIndex - 1 : insertIndex;
            if (to == from) return refused("'" + node.id() + "' is already there");
            return allowed(new EditCommand.Reorder(newParentPath, from, to));
        }
        if (Trees.indexOf(newParent, node.id()) >= 0) {
            return refused("'" + newParent.id() + "' already has a child '" + node.id()
                    + "'; rename one of them first");
        }
        return allowed(new EditCommand.Reparent(path, newParentPath, insertIndex));
    }

    // ----

    private record Sibling(String parentPath, int index) {
    }

    /** The parent and index that BEFORE/AFTER the target means, if the target sits among a supervisor's children. */
    private static Optional<Sibling> siblingSlot(Design design, String targetPath, DesignNode target, DropPosition position) {
        Optional<String> parentPath = DesignPaths.parentPath(targetPath);
        if (parentPath.isEmpty()) return Optional.empty();
        DesignNode parent = DesignPaths.find(design, parentPath.get()).orElseThrow();
        if (!(parent instanceof SupervisorNode sup)) return Optional.empty();
        int i = Trees.indexOf(sup, target.id());
        return Optional.of(new Sibling(parentPath.get(), position == DropPosition.AFTER ? i + 1 : i));
    }

    private static String siblingRefusal(Design design, String targetPath, DesignNode target) {
        if (DesignPaths.parentPath(targetPath).isEmpty()) {
            return "the root has no siblings; drop inside it to add a child";
        }
        return "'" + target.id() + "' is a child template; drop onto its DynamicSupervisor instead";
    }

    private static DropPlan allowed(EditCommand command) {
        return new DropPlan.Allowed(command);
    }

    private static DropPlan refused(String reason) {
        return new DropPlan.Refused(reason);
    }
}
