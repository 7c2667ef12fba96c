package dev.canopy.diagrams.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.scenario.InitOutcome;

/** Reads a node's {@code init}: a word, an array of words, or {@code {"crash_first": K}}. */
public final class InitReader {

    private InitReader() {
    }

    public static Optional<InitBehaviour> read(JsonCursor init) {
        return switch (init.value()) {
            case Json.Str s -> init.oneOf(Vocabulary.INIT_OUTCOME).map(o -> new InitBehaviour.Sequence(List.of(o)));
            case Json.Arr a -> sequence(init);
            case Json.Obj o -> crashFirst(init);
            default -> {
                init.report("init must be \"ok\", \"crash\", \"ignore\", an array of those or {\"crash_first\": K}, not "
                        + init.show());
                yield Optional.empty();
            }
        };
    }

    private static Optional<InitBehaviour> sequence(JsonCursor init) {
        List<JsonCursor> items = init.items().orElseThrow();
        if (items.isEmpty()) {
            init.report("init must not be an empty array");
            return Optional.empty();
        }
        List<InitOutcome> outcomes = new ArrayList<>();
        for (JsonCursor item : items) item.oneOf(Vocabulary.INIT_OUTCOME).ifPresent(outcomes::add);
        return outcomes.size() == items.size() ? Optional.of(new InitBehaviour.Sequence(outcomes)) : Optional.empty();
    }

    private static Optional<InitBehaviour> crashFirst(JsonCursor init) {
        init.checkKeys(Set.of("crash_first"), key -> Optional.empty());
        return init.require("crash_first").flatMap(JsonCursor::nonNegativeInt).map(InitBehaviour.CrashFirst::new);
    }
}
