package dev.canopy.diagrams.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.canopy.engine.scenario.Step;
import dev.canopy.engine.term.ReasonSyntax;

/** Reads the {@code steps} array: timing, the operation and its fields. */
public final class StepReader {

    private static final Set<String> KNOWN = Op.allKeys();

    private final Optional<String> rootId;
    /** The slash paths of the nodes that exist when the step runs: the tree's, then each start_child's. */
    private final Optional<Set<String>> nodes;
    private final StepTimes times = new StepTimes();

    private StepReader(Optional<String> rootId, Optional<Set<String>> treePaths) {
        this.rootId = rootId;
        this.nodes = treePaths.map(java.util.HashSet::new);
    }

    /** The steps; {@code rootId} is empty when the root's id is itself invalid (targets are then checked less). */
    public static List<Step> read(JsonCursor steps, Optional<String> rootId) {
        return read(steps, rootId, Optional.empty());
    }

    /**
     * The steps, also checking that every target names a node: one of {@code treePaths} (the slash
     * paths of the tree's nodes; empty when the tree could not be read) or a child started by an
     * earlier start_child step.
     */
    public static List<Step> read(JsonCursor steps, Optional<String> rootId, Optional<Set<String>> treePaths) {
        StepReader reader = new StepReader(rootId, treePaths);
        List<Step> result = new ArrayList<>();
        for (JsonCursor step : steps.items().orElse(List.of())) reader.step(step).ifPresent(result::add);
        return result;
    }

    private Optional<Step> step(JsonCursor step) {
        if (!step.expectObject()) return Optional.empty();
        Optional<Long> atMs = step.require("at_ms").flatMap(times::next);
        boolean unordered = step.get("unordered").flatMap(JsonCursor::bool).orElse(false);
        Optional<Op> op = step.require("do").flatMap(c -> c.oneOf(Op.BY_WORD));
        step.checkKeys(KNOWN, key -> op.filter(o -> !o.allows(key))
                .map(o -> "'" + key + "' does not apply to a " + o.word() + " step"));
        if (op.isEmpty()) {
            step.get("target").ifPresent(this::target);
            step.get("reason").ifPresent(StepReader::reason);
            return Optional.empty();
        }
        op.get().required.stream().sorted().forEach(step::require);
        Optional<Step.Action> action = action(op.get(), step);
        return atMs.isPresent() && action.isPresent()
                ? Optional.of(new Step(atMs.get(), unordered, action.get())) : Optional.empty();
    }

    private Optional<Step.Action> action(Op op, JsonCursor step) {
        Optional<String> target = op == Op.STOP_TREE ? Optional.empty() : step.get("target").flatMap(this::target);
        Optional<String> reason = step.get("reason").flatMap(StepReader::reason);
        return switch (op) {
            case EXIT -> both(target, reason).map(tr -> new Step.Exit(tr.get(0), tr.get(1)));
            case CRASH -> target.map(Step.Crash::new);
            case STOP -> both(target, reason).map(tr -> new Step.Stop(tr.get(0), tr.get(1)));
            case CALL -> call(step, target);
            case START_CHILD -> {
                Optional<dev.canopy.engine.scenario.NodeSpec> child =
                        step.get("child").flatMap(c -> NodeReader.read(c, false));
                child.ifPresent(c -> target.ifPresent(t -> started(t, c)));
                Optional<Integer> count = step.get("count").map(StepReader::count).orElse(Optional.of(1));
                yield target.flatMap(t -> child.flatMap(c -> count.map(n -> new Step.StartChild(t, c, n))));
            }
            case TERMINATE_CHILD -> both(target, childId(step)).map(tc -> new Step.TerminateChild(tc.get(0), tc.get(1)));
            case RESTART_CHILD -> both(target, childId(step)).map(tc -> new Step.RestartChild(tc.get(0), tc.get(1)));
            case DELETE_CHILD -> both(target, childId(step)).map(tc -> new Step.DeleteChild(tc.get(0), tc.get(1)));
            case STOP_TREE -> Optional.of(new Step.StopTree());
        };
    }

    private static Optional<Step.Action> call(JsonCursor step, Optional<String> target) {
        Optional<Step.Request> request = step.get("request").flatMap(c -> c.oneOf(Vocabulary.REQUEST));
        Optional<Long> sleepMs = step.get("sleep_ms").map(JsonCursor::nonNegativeLong).orElse(Optional.of(0L));
        Optional<Long> timeoutMs = step.get("timeout_ms").map(JsonCursor::nonNegativeLong).orElse(Optional.of(5000L));
        if (target.isEmpty() || request.isEmpty() || sleepMs.isEmpty() || timeoutMs.isEmpty()) return Optional.empty();
        return Optional.of(new Step.Call(target.get(), request.get(), sleepMs.get(), timeoutMs.get()));
    }

    /** How many children a start_child step starts: 1 to {@value #MAX_COUNT}. */
    private static Optional<Integer> count(JsonCursor count) {
        Optional<Integer> n = count.positiveInt();
        if (n.isPresent() && n.get() > MAX_COUNT) {
            count.report("count must be at most " + MAX_COUNT + ", not " + n.get());
            return Optional.empty();
        }
        return n;
    }

    /** A start_child step starts at most this many children at once. */
    public static final int MAX_COUNT = 1_000_000;

    private static Optional<String> childId(JsonCursor step) {
        return step.get("child").flatMap(JsonCursor::id);
    }

    /** A slash path of ids whose first id is the root's (FORMAT.md: "Targets are slash paths ..."). */
    private Optional<String> target(JsonCursor target) {
        Optional<String> text = target.string();
        if (text.isEmpty()) return text;
        List<String> ids = Arrays.asList(text.get().split("/", -1));
        if (!ids.stream().allMatch(Vocabulary::isId)) {
            target.report("target must be a slash path of ids (letters, digits, _) such as root/sub/a, not "
                    + target.show());
            return Optional.empty();
        }
        if (rootId.isPresent() && !ids.getFirst().equals(rootId.get())) {
            target.report("target must start with the root's id '" + rootId.get() + "', not " + target.show());
            return Optional.empty();
        }
        if (nodes.isPresent() && !nodes.get().contains(text.get())) {
            target.report("there is no node " + target.show() + " in the tree, nor one started by an earlier "
                    + "start_child step");
            return Optional.empty();
        }
        return text;
    }

    private void started(String parent, dev.canopy.engine.scenario.NodeSpec child) {
        if (nodes.isEmpty()) return;
        String path = parent + "/" + child.id();
        nodes.get().add(path);
        for (dev.canopy.engine.scenario.NodeSpec c : child.children()) started(path, c);
    }

    /** The slash paths of a scenario tree's nodes. */
    public static Set<String> paths(dev.canopy.engine.scenario.NodeSpec root) {
        Set<String> out = new java.util.HashSet<>();
        collect(root, root.id(), out);
        return out;
    }

    private static void collect(dev.canopy.engine.scenario.NodeSpec node, String path, Set<String> out) {
        out.add(path);
        for (dev.canopy.engine.scenario.NodeSpec c : node.children()) collect(c, path + "/" + c.id(), out);
    }

    /** A word such as {@code boom}, or a tuple such as {@code {shutdown,bye}}. */
    private static Optional<String> reason(JsonCursor reason) {
        Optional<String> text = reason.string();
        if (text.isPresent() && (!text.get().equals(text.get().strip()) || ReasonSyntax.parse(text.get()).isEmpty())) {
            reason.report("reason must be a word such as boom or a tuple such as {shutdown,bye}, not " + reason.show());
            return Optional.empty();
        }
        return text;
    }

    private static Optional<List<String>> both(Optional<String> first, Optional<String> second) {
        return first.flatMap(a -> second.map(b -> List.of(a, b)));
    }
}
