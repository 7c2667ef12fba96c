package dev.canopy.diagrams.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.canopy.diagrams.scenario.Json;
import dev.canopy.diagrams.scenario.JsonCursor;
import dev.canopy.diagrams.scenario.StepTimes;

/**
 * Reads the design's {@code lab_steps} array (simulator-only, see {@link LabAction}). Every
 * problem is reported with its JSON path; a step that cannot be read is left out.
 */
final class LabStepReader {
    /** Per {@code do} word: the keys it requires and those it may have. */
    private record Op(Set<String> required, Set<String> optional) {
        boolean allows(String key) { return COMMON.contains(key) || required.contains(key) || optional.contains(key); }
    }

    private static final Set<String> COMMON = Set.of("at_ms", "do");
    private static final Map<String, Op> OPS = new LinkedHashMap<>();
    static {
        OPS.put("fan_out", new Op(Set.of("target", "collect", "shards"), Set.of("item_ms", "deadline_ms")));
        OPS.put("request", new Op(Set.of("target", "trace_id", "budget_ms", "hops"), Set.of("hop_ms")));
        OPS.put("timed_job", new Op(Set.of("target", "work_ms"), Set.of()));
        OPS.put("jump_system_time", new Op(Set.of("by_ms"), Set.of()));
        OPS.put("demo", new Op(Set.of("target", "demo"), Set.of("size")));
        OPS.put("partition", new Op(Set.of("groups"), Set.of()));
        OPS.put("heal", new Op(Set.of(), Set.of()));
        OPS.put("delay_link", new Op(Set.of("between", "ms"), Set.of()));
        OPS.put("call_from", new Op(Set.of("node", "target"), Set.of("timeout_ms", "to_node")));
        OPS.put("stop_node", new Op(Set.of("node"), Set.of()));
        OPS.put("start_node", new Op(Set.of("node"), Set.of()));
    }
    private static final Set<String> KNOWN = known();
    static final long DEFAULT_ITEM_MS = 100;
    static final long DEFAULT_DEADLINE_MS = 5000;
    static final long DEFAULT_HOP_MS = 100;
    static final int DEFAULT_SIZE = 1000;
    static final long DEFAULT_CALL_TIMEOUT_MS = 5000;
    /** A shard has at most this many items, a demo at most this size: enough to show the point, small enough to run at once. */
    static final int MAX_ITEMS = 100_000;

    private final String rootId;
    private final StepTimes times = new StepTimes();

    private LabStepReader(String rootId) {
        this.rootId = rootId;
    }

    static List<LabStep> read(JsonCursor steps, String rootId) {
        var reader = new LabStepReader(rootId);
        var out = new ArrayList<LabStep>();
        for (JsonCursor step : steps.items().orElse(List.of())) reader.step(step).ifPresent(out::add);
        return out;
    }

    private Optional<LabStep> step(JsonCursor step) {
        if (!step.expectObject()) return Optional.empty();
        Optional<Long> atMs = step.require("at_ms").flatMap(times::next);
        Optional<String> word = step.require("do").flatMap(c -> c.oneOf(words()));
        step.checkKeys(KNOWN, key -> word.map(OPS::get).filter(o -> !o.allows(key))
                .map(o -> "'" + key + "' does not apply to a " + word.get() + " step"));
        if (word.isEmpty()) return Optional.empty();
        Op op = OPS.get(word.get());
        op.required().stream().sorted().forEach(step::require);
        Optional<LabAction> action = action(word.get(), step);
        return atMs.isPresent() && action.isPresent() ? Optional.of(new LabStep(atMs.get(), action.get())) : Optional.empty();
    }

    private static Map<String, String> words() {
        var m = new LinkedHashMap<String, String>();
        OPS.keySet().forEach(w -> m.put(w, w));
        return m;
    }

    private Optional<LabAction> action(String word, JsonCursor step) {
        Optional<String> target = step.get("target").flatMap(this::target);
        return switch (word) {
            case "fan_out" -> {
                var collect = step.get("collect").flatMap(c -> c.oneOf(byWord(LabAction.Collect.values(), x -> x.word)));
                var shards = step.get("shards").flatMap(LabStepReader::shards);
                var itemMs = optionalLong(step, "item_ms", DEFAULT_ITEM_MS);
                var deadline = optionalLong(step, "deadline_ms", DEFAULT_DEADLINE_MS);
                yield all(target, collect, shards, itemMs, deadline)
                        ? Optional.of(new LabAction.FanOut(target.get(), collect.get(), shards.get(), itemMs.get(), deadline.get()))
                        : Optional.empty();
            }
            case "request" -> {
                var traceId = step.get("trace_id").flatMap(JsonCursor::string);
                var budget = step.get("budget_ms").flatMap(JsonCursor::nonNegativeLong);
                var hops = step.get("hops").flatMap(this::hops);
                var hopMs = optionalLong(step, "hop_ms", DEFAULT_HOP_MS);
                yield all(target, traceId, budget, hops, hopMs)
                        ? Optional.of(new LabAction.Request(target.get(), traceId.get(), budget.get(), hops.get(), hopMs.get()))
                        : Optional.empty();
            }
            case "timed_job" -> {
                var work = step.get("work_ms").flatMap(JsonCursor::nonNegativeLong);
                yield all(target, work) ? Optional.of(new LabAction.TimedJob(target.get(), work.get())) : Optional.empty();
            }
            case "jump_system_time" -> step.get("by_ms").flatMap(LabStepReader::signedLong)
                    .map(by -> new LabAction.JumpSystemTime(rootId, by));
            case "demo" -> {
                var demo = step.get("demo").flatMap(c -> c.oneOf(byWord(LabAction.Demo.values(), x -> x.word)));
                var size = step.get("size").map(LabStepReader::size).orElse(Optional.of(DEFAULT_SIZE));
                yield all(target, demo, size) ? Optional.of(new LabAction.RunDemo(target.get(), demo.get(), size.get())) : Optional.empty();
            }
            case "partition" -> step.get("groups").flatMap(LabStepReader::groups).map(g -> new LabAction.Partition(rootId, g));
            case "heal" -> Optional.of(new LabAction.Heal(rootId));
            case "stop_node" -> step.get("node").flatMap(JsonCursor::string).map(n -> new LabAction.StopNode(rootId, n));
            case "start_node" -> step.get("node").flatMap(JsonCursor::string).map(n -> new LabAction.StartNode(rootId, n));
            case "delay_link" -> {
                var between = step.get("between").flatMap(LabStepReader::pair);
                var ms = step.get("ms").flatMap(JsonCursor::nonNegativeLong);
                yield all(between, ms)
                        ? Optional.of(new LabAction.DelayLink(rootId, between.get().get(0), between.get().get(1), ms.get()))
                        : Optional.empty();
            }
            case "call_from" -> {
                var node = step.get("node").flatMap(JsonCursor::string);
                var timeout = optionalLong(step, "timeout_ms", DEFAULT_CALL_TIMEOUT_MS);
                var toNode = step.get("to_node").isPresent() ? step.get("to_node").flatMap(JsonCursor::string) : Optional.of("");
                yield all(target, node, timeout, toNode)
                        ? Optional.of(new LabAction.CallFrom(target.get(), node.get(), timeout.get(), toNode.get())) : Optional.empty();
            }
            default -> throw new IllegalStateException("unhandled lab step " + word);
        };
    }

    private static boolean all(Optional<?>... values) {
        return Arrays.stream(values).allMatch(Optional::isPresent);
    }

    private static Optional<Long> optionalLong(JsonCursor step, String key, long fallback) {
        return step.get(key).map(JsonCursor::nonNegativeLong).orElse(Optional.of(fallback));
    }

    private static <E> Map<String, E> byWord(E[] values, Function<E, String> word) {
        var m = new LinkedHashMap<String, E>();
        for (E v : values) m.put(word.apply(v), v);
        return m;
    }

    /** Shards: a non-empty array of item counts (0: an empty shard, whose task raises). */
    private static Optional<List<Integer>> shards(JsonCursor c) {
        var items = c.items();
        if (items.isEmpty()) return Optional.empty();
        if (items.get().isEmpty()) {
            c.report("shards must list at least one shard (its number of items)");
            return Optional.empty();
        }
        var out = new ArrayList<Integer>();
        for (var item : items.get()) {
            var n = size0(item);
            if (n.isEmpty()) return Optional.empty();
            out.add(n.get());
        }
        return Optional.of(out);
    }

    private static Optional<Integer> size0(JsonCursor c) {
        var n = c.nonNegativeInt();
        if (n.isPresent() && n.get() > MAX_ITEMS) {
            c.report(c.name() + " must be at most " + MAX_ITEMS + ", not " + n.get());
            return Optional.empty();
        }
        return n;
    }

    private static Optional<Integer> size(JsonCursor c) {
        var n = c.positiveInt();
        if (n.isPresent() && n.get() > MAX_ITEMS) {
            c.report(c.name() + " must be at most " + MAX_ITEMS + ", not " + n.get());
            return Optional.empty();
        }
        return n;
    }

    /** The hops of a request: a non-empty array of design paths. */
    private Optional<List<String>> hops(JsonCursor c) {
        var items = c.items();
        if (items.isEmpty()) return Optional.empty();
        if (items.get().isEmpty()) {
            c.report("hops must list at least one process the request calls (a path such as " + rootId + "/orders)");
            return Optional.empty();
        }
        var out = new ArrayList<String>();
        for (var item : items.get()) {
            var t = target(item);
            if (t.isEmpty()) return Optional.empty();
            out.add(t.get());
        }
        return Optional.of(out);
    }

    /** The groups of a partition: an array of arrays of node names (which nodes exist is the validator's check). */
    private static Optional<List<List<String>>> groups(JsonCursor c) {
        var items = c.items();
        if (items.isEmpty()) return Optional.empty();
        if (items.get().size() < 2) {
            c.report("groups must list at least two groups of nodes, such as [[\"a\"], [\"b\", \"c\"]]");
            return Optional.empty();
        }
        var out = new ArrayList<List<String>>();
        for (var group : items.get()) {
            var names = nodeNames(group);
            if (names.isEmpty()) return Optional.empty();
            if (names.get().isEmpty()) {
                group.report(group.name() + " must name at least one node");
                return Optional.empty();
            }
            out.add(names.get());
        }
        return Optional.of(out);
    }

    /** The two ends of a link: an array of two different node names. */
    private static Optional<List<String>> pair(JsonCursor c) {
        var names = nodeNames(c);
        if (names.isEmpty()) return Optional.empty();
        if (names.get().size() != 2 || names.get().get(0).equals(names.get().get(1))) {
            c.report("between must name two different nodes, such as [\"a\", \"b\"], not " + names.get());
            return Optional.empty();
        }
        return names;
    }

    private static Optional<List<String>> nodeNames(JsonCursor c) {
        var items = c.items();
        if (items.isEmpty()) return Optional.empty();
        var out = new ArrayList<String>();
        for (var item : items.get()) {
            var name = item.string();
            if (name.isEmpty()) return Optional.empty();
            out.add(name.get());
        }
        return Optional.of(out);
    }

    /** A milliseconds value that may be negative (a clock jumping back). */
    private static Optional<Long> signedLong(JsonCursor c) {
        if (c.value() instanceof Json.Num n && n.integer() != null
                && n.integer().bitLength() < 64) {
            return Optional.of(n.integer().longValue());
        }
        c.report(c.name() + " must be an integer number of milliseconds (negative moves the clock back), not " + c.show());
        return Optional.empty();
    }

    /** A slash path of the design starting at the root's id; whether it names a node is the validator's check. */
    private Optional<String> target(JsonCursor c) {
        var text = c.string();
        if (text.isEmpty()) return Optional.empty();
        var t = text.get();
        if (!(t.equals(rootId) || t.startsWith(rootId + "/"))) {
            c.report(c.name() + " must be a path from the root such as " + rootId + "/worker, not " + c.show());
            return Optional.empty();
        }
        return text;
    }

    private static Set<String> known() {
        var all = new java.util.HashSet<>(COMMON);
        OPS.values().forEach(o -> { all.addAll(o.required()); all.addAll(o.optional()); });
        return Set.copyOf(all);
    }

}
