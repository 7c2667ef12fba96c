package dev.canopy.diagrams.scenario;

import java.util.Locale;

import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.supervisor.Shutdown;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON words of a child spec that scenario files and design files write the same way
 * (FORMAT.md): a shutdown as a number of ms or an atom, an init behaviour as a word, a list of
 * words or {@code {"crash_first": K}}. One place, so the two writers cannot drift apart.
 */
public final class SpecJson {

    private SpecJson() {
    }

    /** {@code "shutdown": 5000} or {@code "shutdown": "brutal_kill"}. */
    public static void shutdown(JsonGenerator g, Shutdown shutdown) {
        if (shutdown instanceof Shutdown.Timeout t) g.writeNumberProperty("shutdown", t.ms());
        else g.writeStringProperty("shutdown", shutdown.render());
    }

    /** {@code "init": "ok"}, {@code "init": ["crash", "ok"]} or {@code "init": {"crash_first": 2}}. */
    public static void init(JsonGenerator g, InitBehaviour init) {
        g.writeName("init");
        switch (init) {
            case InitBehaviour.Sequence s when s.outcomes().size() == 1 -> g.writeString(word(s.outcomes().getFirst()));
            case InitBehaviour.Sequence s -> {
                g.writeStartArray();
                for (InitOutcome o : s.outcomes()) g.writeString(word(o));
                g.writeEndArray();
            }
            case InitBehaviour.CrashFirst c -> {
                g.writeStartObject();
                g.writeNumberProperty("crash_first", c.k());
                g.writeEndObject();
            }
        }
    }

    /** An enum constant as the file writes it: its name in lower case (one_for_one, crash). */
    public static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
