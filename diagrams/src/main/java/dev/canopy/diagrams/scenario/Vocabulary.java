package dev.canopy.diagrams.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.scenario.NodeKind;
import dev.canopy.engine.scenario.Step;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Strategy;

/** The words a scenario file may use for enumerated values (FORMAT.md §1), in the format's order. */
final class Vocabulary {

    static final Map<String, NodeKind> KIND = of(NodeKind.values(), NodeKind::jsonName);
    static final Map<String, Restart> RESTART = of(Restart.values(), Restart::atom);
    static final Map<String, Strategy> STRATEGY = of(Strategy.values(), Strategy::atom);
    static final Map<String, AutoShutdown> AUTO_SHUTDOWN = of(AutoShutdown.values(), AutoShutdown::atom);
    static final Map<String, InitOutcome> INIT_OUTCOME = of(InitOutcome.values(), Vocabulary::lower);
    static final Map<String, Step.Request> REQUEST = of(Step.Request.values(), Vocabulary::lower);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+");

    private Vocabulary() {
    }

    /** Ids are non-empty and use only ASCII letters, digits and {@code _}. */
    static boolean isId(String text) {
        return ID.matcher(text).matches();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static <E> Map<String, E> of(E[] values, Function<E, String> word) {
        Map<String, E> map = new LinkedHashMap<>();
        for (E value : values) map.put(word.apply(value), value);
        return java.util.Collections.unmodifiableMap(map);
    }
}
