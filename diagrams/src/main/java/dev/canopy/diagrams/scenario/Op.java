package dev.canopy.diagrams.scenario;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The step operations ({@code "do"}) with the fields each one requires and allows (FORMAT.md §1). */
enum Op {
    EXIT(Set.of("target", "reason"), Set.of()),
    CRASH(Set.of("target"), Set.of()),
    STOP(Set.of("target", "reason"), Set.of()),
    CALL(Set.of("target", "request"), Set.of("sleep_ms", "timeout_ms")),
    START_CHILD(Set.of("target", "child"), Set.of("count")),
    TERMINATE_CHILD(Set.of("target", "child"), Set.of()),
    RESTART_CHILD(Set.of("target", "child"), Set.of()),
    DELETE_CHILD(Set.of("target", "child"), Set.of()),
    STOP_TREE(Set.of(), Set.of());

    /** Keys every step may have. */
    static final Set<String> COMMON = Set.of("at_ms", "do", "unordered");
    static final Map<String, Op> BY_WORD = byWord();

    final Set<String> required;
    final Set<String> optional;

    Op(Set<String> required, Set<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    String word() {
        return Vocabulary.lower(this);
    }

    boolean allows(String key) {
        return COMMON.contains(key) || required.contains(key) || optional.contains(key);
    }

    /** Every key some step may have. */
    static Set<String> allKeys() {
        return Arrays.stream(values()).flatMap(op -> java.util.stream.Stream.concat(
                java.util.stream.Stream.concat(op.required.stream(), op.optional.stream()), COMMON.stream()))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static Map<String, Op> byWord() {
        Map<String, Op> map = new LinkedHashMap<>();
        for (Op op : values()) map.put(op.word(), op);
        return java.util.Collections.unmodifiableMap(map);
    }
}
