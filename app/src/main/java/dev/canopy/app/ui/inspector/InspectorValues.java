package dev.canopy.app.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import dev.canopy.diagrams.design.ChildSpecFields;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.supervisor.Shutdown;

/**
 * The inspector's text ↔ value conversions (no JavaFX here): each parser throws
 * IllegalArgumentException with the sentence the inspector shows under the field.
 */
final class InspectorValues {

    private InspectorValues() {
    }

    static Integer wholeNumber(String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a whole number");
        }
    }

    static Long wholeLong(String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a whole number");
        }
    }

    static Double rateOf(String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a number");
        }
    }

    static Integer maxChildrenOf(String v) {
        if (v.trim().equalsIgnoreCase("infinity")) return DynamicSupervisorNode.INFINITY;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is neither infinity nor a whole number");
        }
    }

    /** The change a shutdown text makes to the child spec: brutal_kill, infinity or a time in ms. */
    static UnaryOperator<ChildSpecFields> shutdown(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (t.equals("brutal_kill")) return s -> s.withShutdown(Shutdown.BRUTAL_KILL);
        if (t.equals("infinity")) return s -> s.withShutdown(Shutdown.INFINITY);
        try {
            long ms = Long.parseLong(t);
            if (ms < 0) throw new IllegalArgumentException("shutdown must be brutal_kill, infinity or 0 ms or more");
            return s -> s.withShutdownMs(ms);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not brutal_kill, infinity or a time in ms");
        }
    }

    static InitBehaviour initOf(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (t.startsWith("crash_first:")) {
            try {
                int k = Integer.parseInt(t.substring("crash_first:".length()));
                if (k < 0) throw new NumberFormatException();
                return new InitBehaviour.CrashFirst(k);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("crash_first needs a whole number of 0 or more, such as crash_first:2");
            }
        }
        List<dev.canopy.engine.scenario.InitOutcome> outcomes = new ArrayList<>();
        for (String w : t.split(",")) {
            try {
                outcomes.add(dev.canopy.engine.scenario.InitOutcome.valueOf(w.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + w + "' is not ok, crash or ignore");
            }
        }
        return new InitBehaviour.Sequence(outcomes);
    }

    static String initText(InitBehaviour init) {
        return switch (init) {
            case InitBehaviour.Sequence s -> String.join(",",
                    s.outcomes().stream().map(o -> o.name().toLowerCase(Locale.ROOT)).toList());
            case InitBehaviour.CrashFirst c -> "crash_first:" + c.k();
        };
    }

    /** The control's id: {@code inspector-} and the field with dots as dashes ({@code inspector-sim-init_ms}). */
    static String idOf(String field) {
        return "inspector-" + field.replace('.', '-');
    }
}
