package dev.canopy.app.ui.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.SupervisorNode;

/**
 * One undoable edit of a {@link Design}. Paths are slash paths of ids ({@code root/sub/cache}, as
 * in {@link DesignPaths}); indices are start-order positions among a supervisor's children.
 *
 * <p>{@link #apply} returns a new design (designs are immutable) or throws an
 * {@link EditException} with a sentence saying why the edit does not fit that design.
 * {@link #inverse} is computed from the design the command is applied to: applying the command
 * and then its inverse gives back an equal design. {@link #name} is what the Edit menu shows
 * after "Undo " / "Redo ". {@link #focus} is the path worth selecting after the edit.
 *
 * <p>Property names of {@link ChangeNode} and {@link ChangeDesignInfo} are the file's key paths
 * relative to the node (or the design): {@code label}, {@code start.module},
 * {@code max_restarts}, {@code sim.init_ms}, {@code name} ... (the same tails as the JSON paths
 * of {@link dev.canopy.diagrams.design.DesignProblem}s, so the inspector can match them). Edits of
 * the same {@linkplain #TEXT_PROPERTIES text property} in a row merge into one undo step.
 */
public sealed interface EditCommand {

    /** Properties typed character by character; consecutive changes of one of them merge. */
    Set<String> TEXT_PROPERTIES = Set.of("id", "label", "notes", "start.module", "start.function", "start.args",
            "modules", "extra_arguments", "sim.crash_on", "name.name", "name.key", "name", "description");

    Design apply(Design design);

    EditCommand inverse(Design before);

    String name(Design before);

    String focus(Design before);

    /** This command followed by {@code next} as one command, when they are typing in one field. */
    default Optional<EditCommand> mergeWith(EditCommand next) {
        return Optional.empty();
    }

    /** True when applying the command changes nothing (e.g. typing then deleting the same letter). */
    default boolean isNoOp() {
        return false;
    }

    // ---- the commands

    /** Adds {@code node} (and its subtree) as a child of the supervisor at {@code parentPath}. */
    record AddNode(String parentPath, int index, DesignNode node) implements EditCommand {
        public AddNode {
            Objects.requireNonNull(parentPath, "parentPath");
            Objects.requireNonNull(node, "node");
        }

        @Override public Design apply(Design design) {
            return insertChecked(design, parentPath, index, node);
        }

        @Override public EditCommand inverse(Design before) {
            return new RemoveSubtree(Trees.childPath(parentPath, node.id()));
        }

        @Override public String name(Design before) {
            return "Add " + Trees.describe(node);
        }

        @Override public String focus(Design before) {
            return Trees.childPath(parentPath, node.id());
        }
    }

    /** Removes the node at {@code path} with everything below it (a child template included). */
    record RemoveSubtree(String path) implements EditCommand {
        public RemoveSubtree {
            Objects.requireNonNull(path, "path");
        }

        @Override public Design apply(Design design) {
            Trees.require(design, path);
            if (DesignPaths.parentPath(path).isEmpty()) throw new EditException("the root cannot be deleted");
            return DesignPaths.remove(design, path);
        }

        @Override public EditCommand inverse(Design before) {
            DesignNode node = Trees.require(before, path);
            String parentPath = DesignPaths.parentPath(path).orElseThrow(() -> new EditException("the root cannot be deleted"));
            DesignNode parent = Trees.require(before, parentPath);
            if (parent instanceof DynamicSupervisorNode d) {
                return new ChangeNode(parentPath, d.withChildTemplate(Optional.empty()), d, "child_template");
            }
            return new AddNode(parentPath, Trees.indexOf(parent, node.id()), node);
        }

        @Override public String name(Design before) {
            return DesignPaths.find(before, path).map(n -> "Delete " + Trees.describe(n)).orElse("Delete");
        }

        @Override public String focus(Design before) {
            return DesignPaths.parentPath(path).orElse(path);
        }
    }

    /** Moves the subtree at {@code path} under the supervisor at {@code newParentPath}, at {@code index} (counted without it). */
    record Reparent(String path, String newParentPath, int index) implements EditCommand {
        public Reparent {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(newParentPath, "newParentPath");
        }

        @Override public Design apply(Design design) {
            DesignNode node = Trees.require(design, path);
            String oldParent = DesignPaths.parentPath(path).orElseThrow(() -> new EditException("the root cannot be moved"));
            if (Trees.isChildTemplate(design, path)) {
                throw new EditException("'" + node.id() + "' is a child template; it stays with its DynamicSupervisor");
            }
            if (Trees.within(newParentPath, path)) {
                throw new EditException("cannot move '" + node.id() + "' into its own subtree");
            }
            SupervisorNode target = Trees.requireSupervisor(design, newParentPath);
            if (!oldParent.equals(newParentPath) && Trees.indexOf(target, node.id()) >= 0) {
                throw new EditException("'" + target.id() + "' already has a child '" + node.id() + "'; rename one first");
            }
            Design without = DesignPaths.remove(design, path);
            return insertChecked(without, newParentPath, index, node);
        }

        @Override public EditCommand inverse(Design before) {
            String oldParent = DesignPaths.parentPath(path).orElseThrow(() -> new EditException("the root cannot be moved"));
            int oldIndex = Trees.indexOf(Trees.require(before, oldParent), Trees.lastId(path));
            return new Reparent(Trees.childPath(newParentPath, Trees.lastId(path)), oldParent, oldIndex);
        }

        @Override public String name(Design before) {
            return DesignPaths.find(before, path).map(n -> "Move " + Trees.describe(n)).orElse("Move");
        }

        @Override public String focus(Design before) {
            return Trees.childPath(newParentPath, Trees.lastId(path));
        }
    }

    /** Moves the child at {@code from} to {@code to} among the children of {@code parentPath} (changes start order). */
    record Reorder(String parentPath, int from, int to) implements EditCommand {
        public Reorder {
            Objects.requireNonNull(parentPath, "parentPath");
        }

        @Override public Design apply(Design design) {
            SupervisorNode sup = Trees.requireSupervisor(design, parentPath);
            int n = sup.children().size();
            if (from < 0 || from >= n || to < 0 || to >= n) {
                throw new EditException("cannot move child " + from + " to " + to + " of '" + sup.id() + "', which has "
                        + n + (n == 1 ? " child" : " children"));
            }
            List<DesignNode> children = new ArrayList<>(sup.children());
            children.add(to, children.remove(from));
            return DesignPaths.replace(design, parentPath, sup.withChildren(children));
        }

        @Override public EditCommand inverse(Design before) {
            return new Reorder(parentPath, to, from);
        }

        @Override public String name(Design before) {
            return DesignPaths.find(before, parentPath)
                    .filter(p -> from >= 0 && from < p.children().size())
                    .map(p -> "Move " + Trees.describe(p.children().get(from)))
                    .orElse("Reorder");
        }

        @Override public String focus(Design before) {
            return DesignPaths.find(before, parentPath)
                    .filter(p -> from >= 0 && from < p.children().size())
                    .map(p -> Trees.childPath(parentPath, p.children().get(from).id()))
                    .orElse(parentPath);
        }

        @Override public boolean isNoOp() {
            return from == to;
        }
    }

    /**
     * Replaces the node at {@code path} ({@code before}, which must be what is there) with
     * {@code after}; {@code propertyName} says what changed ({@code label}, {@code id},
     * {@code max_restarts} ...). A changed id renames the node (its path changes).
     */
    record ChangeNode(String path, DesignNode before, DesignNode after, String propertyName) implements EditCommand {
        public ChangeNode {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(propertyName, "propertyName");
        }

        /** The path of the node once changed (differs from {@link #path} when the id changes). */
        public String afterPath() {
            return Trees.childPath(DesignPaths.parentPath(path).orElse(""), after.id());
        }

        @Override public Design apply(Design design) {
            DesignNode current = Trees.require(design, path);
            if (!current.equals(before)) {
                throw new EditException("'" + current.id() + "' was changed meanwhile; the edit no longer applies");
            }
            if (!after.id().equals(before.id())) {
                Trees.checkIdShape(after.id());
                Optional<DesignNode> parent = DesignPaths.parentOf(design, path);
                if (parent.isPresent() && Trees.indexOf(parent.get(), after.id()) >= 0) {
                    throw new EditException("'" + parent.get().id() + "' already has a child '" + after.id()
                            + "'; ids must be unique under one supervisor");
                }
            }
            try {
                return DesignPaths.replace(design, path, after);
            } catch (IllegalArgumentException e) {
                throw new EditException(e.getMessage());
            }
        }

        @Override public EditCommand inverse(Design before) {
            return new ChangeNode(afterPath(), after, this.before, propertyName);
        }

        @Override public String name(Design design) {
            if (propertyName.equals("id")) return "Rename '" + before.id() + "' to '" + after.id() + "'";
            return "Change " + propertyName + " of '" + after.id() + "'";
        }

        @Override public String focus(Design design) {
            return afterPath();
        }

        @Override public Optional<EditCommand> mergeWith(EditCommand next) {
            if (next instanceof ChangeNode n && TEXT_PROPERTIES.contains(propertyName)
                    && n.propertyName.equals(propertyName) && n.path.equals(afterPath()) && n.before.equals(after)) {
                return Optional.of(new ChangeNode(path, before, n.after, propertyName));
            }
            return Optional.empty();
        }

        @Override public boolean isNoOp() {
            return before.equals(after);
        }
    }

    /** Pastes a copy of {@code subtree} (ids already made unique, see {@link #of}) under {@code parentPath}. */
    record Paste(String parentPath, int index, DesignNode subtree) implements EditCommand {
        public Paste {
            Objects.requireNonNull(parentPath, "parentPath");
            Objects.requireNonNull(subtree, "subtree");
        }

        /** A paste of {@code clip} into {@code design} with every id not yet used there (cache → cache_2). */
        public static Paste of(Design design, String parentPath, int index, DesignNode clip) {
            return new Paste(parentPath, index, Trees.withUniqueIds(clip, design));
        }

        @Override public Design apply(Design design) {
            return insertChecked(design, parentPath, index, subtree);
        }

        @Override public EditCommand inverse(Design before) {
            return new RemoveSubtree(Trees.childPath(parentPath, subtree.id()));
        }

        @Override public String name(Design before) {
            return "Paste " + Trees.describe(subtree);
        }

        @Override public String focus(Design before) {
            return Trees.childPath(parentPath, subtree.id());
        }
    }

    /** Inserts a copy of the subtree at {@code path} right after it, with fresh ids. */
    record Duplicate(String path) implements EditCommand {
        public Duplicate {
            Objects.requireNonNull(path, "path");
        }

        /** The copy this command inserts into {@code design}. */
        public DesignNode copy(Design design) {
            return Trees.withUniqueIds(Trees.require(design, path), design);
        }

        @Override public Design apply(Design design) {
            DesignNode node = Trees.require(design, path);
            String parentPath = DesignPaths.parentPath(path).orElseThrow(
                    () -> new EditException("the root cannot be duplicated; a design has one root"));
            SupervisorNode parent = Trees.requireSupervisor(design, parentPath);
            return insertChecked(design, parentPath, Trees.indexOf(parent, node.id()) + 1, copy(design));
        }

        @Override public EditCommand inverse(Design before) {
            return new RemoveSubtree(focus(before));
        }

        @Override public String name(Design before) {
            return DesignPaths.find(before, path).map(n -> "Duplicate " + Trees.describe(n)).orElse("Duplicate");
        }

        @Override public String focus(Design before) {
            return Trees.childPath(DesignPaths.parentPath(path).orElse(""), copy(before).id());
        }
    }

    /** Changes the design's name, description or cluster size ({@code propertyName}: name, description, cluster_nodes). */
    record ChangeDesignInfo(DesignInfo before, DesignInfo after, String propertyName) implements EditCommand {
        public ChangeDesignInfo {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(propertyName, "propertyName");
        }

        @Override public Design apply(Design design) {
            if (!DesignInfo.of(design).equals(before)) {
                throw new EditException("the design was changed meanwhile; the edit no longer applies");
            }
            return after.applyTo(design);
        }

        @Override public EditCommand inverse(Design design) {
            return new ChangeDesignInfo(after, before, propertyName);
        }

        @Override public String name(Design design) {
            return switch (propertyName) {
                case "name" -> "Rename design to '" + after.name() + "'";
                case "description" -> "Change description";
                case "cluster_nodes" -> "Change cluster nodes to " + after.clusterNodes();
                default -> "Change " + propertyName;
            };
        }

        @Override public String focus(Design design) {
            return "";
        }

        @Override public Optional<EditCommand> mergeWith(EditCommand next) {
            if (next instanceof ChangeDesignInfo n && TEXT_PROPERTIES.contains(propertyName)
                    && n.propertyName.equals(propertyName) && n.before.equals(after)) {
                return Optional.of(new ChangeDesignInfo(before, n.after, propertyName));
            }
            return Optional.empty();
        }

        @Override public boolean isNoOp() {
            return before.equals(after);
        }
    }

    // ----

    private static Design insertChecked(Design design, String parentPath, int index, DesignNode node) {
        Trees.checkIdShape(node.id());
        SupervisorNode parent = Trees.requireSupervisor(design, parentPath);
        if (Trees.indexOf(parent, node.id()) >= 0) {
            throw new EditException("'" + parent.id() + "' already has a child '" + node.id()
                    + "'; ids must be unique under one supervisor");
        }
        if (index < 0 || index > parent.children().size()) {
            throw new EditException("position " + index + " is outside 0.." + parent.children().size() + " under '"
                    + parent.id() + "'");
        }
        return DesignPaths.insert(design, parentPath, index, node);
    }
}
