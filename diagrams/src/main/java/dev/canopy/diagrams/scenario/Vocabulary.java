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
public final class Vocabulary {

    public static final Map<String, NodeKind> KIND = of(NodeKind.values(), NodeKind::jsonName);
    public static final Map<String, Restart> RESTART = of(Restart.values(), Restart::atom);
    public static final Map<String, Strategy> STRATEGY = of(Strategy.values(), Strategy::atom);
    public static final Map<String, AutoShutdown> AUTO_SHUTDOWN = of(AutoShutdown.values(), AutoShutdown::atom);
    public static final Map<String, InitOutcome> INIT_OUTCOME = of(InitOutcome.values(), Vocabulary::lower);
    public static final Map<String, Step.Request> REQUEST = of(Step.Request.values(), Vocabulary::lower);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+");

    private Vocabulary() {
    }

    /** Ids are non-empty and use only ASCII letters, digits and {@code _}. */
    public static boolean isId(String text) {
        return ID.matcher(text).matches();
    }

    public static String lower(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static <E> Map<String, E> of(E[] values, Function<E, String> word) {
        Map<String, E> map = new LinkedHashMap<>();
        for (E value : values) map.put(word.apply(value), value);
        return java.util.Collections.unmodifiableMap(map);
    }
}
