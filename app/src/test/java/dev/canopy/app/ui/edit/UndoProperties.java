package dev.canopy.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignKind;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.SupervisorNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random edit sequences: undoing them all gives the original design back; redoing them all the final one. */
class UndoProperties {

    @Property(tries = 400)
    void undoAllThenRedoAll(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 9_999) Integer> numbers) {
        Design original = Fixtures.design();
        UndoStack stack = new UndoStack();
        Design d = original;
        int executed = 0;
        for (int i = 0; i + 3 < numbers.size(); i += 4) {
            int a = numbers.get(i + 1), b = numbers.get(i + 2), c = numbers.get(i + 3);
            if (numbers.get(i) % 13 == 12) {
                stack.breakMerge();
                continue;
            }
            Optional<EditCommand> command = command(d, numbers.get(i) % 12, a, b, c);
            if (command.isEmpty()) continue;
            try {
                Design expected = command.get().apply(d);
                d = stack.execute(d, command.get()).design();
                assertThat(d).isEqualTo(expected);
                executed++;
            } catch (EditException e) {
                // a command that does not fit (e.g. a sibling id clash) is refused and recorded nowhere
            }
        }
        Design last = d;
        assertThat(stack.undoCount()).isLessThanOrEqualTo(executed);
        if (stack.isAtSavePoint()) assertThat(last).isEqualTo(original); // clean means as opened

        while (stack.canUndo()) d = stack.undo(d).orElseThrow().design();
        assertThat(d).isEqualTo(original);
        assertThat(stack.isAtSavePoint()).isTrue();
        while (stack.canRedo()) d = stack.redo(d).orElseThrow().design();
        assertThat(d).isEqualTo(last);
    }

    @Property(tries = 200)
    void everyCommandsInverseUndoesIt(@ForAll @IntRange(min = 0, max = 11) int kind, @ForAll @IntRange(max = 999) int a,
                                     @ForAll @IntRange(max = 999) int b, @ForAll @IntRange(max = 999) int c) {
        Design d = Fixtures.design();
        Optional<EditCommand> command = command(d, kind, a, b, c);
        if (command.isEmpty()) return;
        Design after;
        try {
            after = command.get().apply(d);
        } catch (EditException e) {
            return;
        }
        assertThat(command.get().inverse(d).apply(after)).isEqualTo(d);
    }

    /** A command that may apply to {@code d}, chosen by the numbers. */
    static Optional<EditCommand> command(Design d, int kind, int a, int b, int c) {
        List<String> paths = DesignPaths.allPaths(d);
        List<String> nonRoot = paths.subList(1, paths.size());
        List<String> supervisors = new ArrayList<>();
        for (String p : paths) if (DesignPaths.find(d, p).orElseThrow() instanceof SupervisorNode) supervisors.add(p);
        String path = paths.get(a % paths.size());
        DesignNode node = DesignPaths.find(d, path).orElseThrow();
        return switch (kind) {
            case 0, 1 -> {
                String parent = supervisors.get(a % supervisors.size());
                int size = DesignPaths.find(d, parent).orElseThrow().children().size();
                DesignKind k = DesignKind.values()[c % DesignKind.values().length];
                yield Optional.of(new EditCommand.AddNode(parent, b % (size + 1), DesignNode.defaults(Trees.freshId(d, k), k)));
            }
            case 2 -> nonRoot.isEmpty() ? Optional.empty()
                    : Optional.of(new EditCommand.RemoveSubtree(nonRoot.get(a % nonRoot.size())));
            case 3 -> {
                if (nonRoot.isEmpty()) yield Optional.empty();
                String moved = nonRoot.get(a % nonRoot.size());
                List<String> targets = supervisors.stream().filter(s -> !Trees.within(s, moved)).toList();
                if (targets.isEmpty()) yield Optional.empty();
                String parent = targets.get(b % targets.size());
                int size = DesignPaths.find(d, parent).orElseThrow().children().size();
                boolean sameParent = DesignPaths.parentPath(moved).orElseThrow().equals(parent);
                yield Optional.of(new EditCommand.Reparent(moved, parent, c % (sameParent ? size : size + 1)));
            }
            case 4 -> {
                String parent = supervisors.get(a % supervisors.size());
                int size = DesignPaths.find(d, parent).orElseThrow().children().size();
                yield size == 0 ? Optional.empty() : Optional.of(new EditCommand.Reorder(parent, b % size, c % size));
            }
            case 5, 6 -> Optional.of(new EditCommand.ChangeNode(path, node,
                    node.withLabel(b % 5 == 0 && !node.label().isEmpty()
                            ? node.label().substring(0, node.label().length() - 1)
                            : node.label() + (char) ('a' + c % 26)), "label"));
            case 7 -> Optional.of(new EditCommand.ChangeNode(path, node, node.withId(node.id() + (char) ('a' + c % 3)), "id"));
            case 8 -> {
                String parent = supervisors.get(b % supervisors.size());
                int size = DesignPaths.find(d, parent).orElseThrow().children().size();
                yield Optional.of(EditCommand.Paste.of(d, parent, c % (size + 1), node));
            }
            case 9 -> nonRoot.isEmpty() ? Optional.empty()
                    : Optional.of(new EditCommand.Duplicate(nonRoot.get(a % nonRoot.size())));
            case 10 -> {
                DesignInfo info = DesignInfo.of(d);
                yield Optional.of(new EditCommand.ChangeDesignInfo(info,
                        info.withDescription(info.description() + (char) ('a' + c % 26)), "description"));
            }
            default -> {
                DesignInfo info = DesignInfo.of(d);
                yield Optional.of(new EditCommand.ChangeDesignInfo(info, info.withClusterNodes(1 + c % 4), "cluster_nodes"));
            }
        };
    }
}
