package dev.canopy.diagrams.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.canopy.engine.scenario.NodeSpec;
import dev.canopy.engine.scenario.Scenario;
import dev.canopy.engine.scenario.Step;

/**
 * Reads and validates conformance scenario files (shared/conformance/FORMAT.md §1) into the
 * engine's {@link Scenario}, applying every default. Never throws for bad input: all problems
 * found are returned at once, each with its file, line and JSON path.
 */
public final class ScenarioReader {

    private static final Set<String> TOP_LEVEL = Set.of("name", "description", "tree", "steps");

    private ScenarioReader() {
    }

    /** Reads a file; its {@code name} must equal the file name without {@code .json}. */
    public static ReadResult read(Path file) {
        String where = file.toString();
        String text;
        switch (TextFiles.read(file)) {
            case TextFiles.Read.Text t -> text = t.text();
            case TextFiles.Read.Unreadable u -> {
                return unreadable(where, u.reason());
            }
        }
        Path fileName = file.getFileName();
        String stem = fileName == null ? "" : fileName.toString().replaceFirst("\\.json$", "");
        return parse(text, where, Optional.of(stem));
    }

    /** Parses JSON text; {@code fileNameForMessages} only labels the problems (the name is not checked). */
    public static ReadResult parse(String json, String fileNameForMessages) {
        return parse(json, fileNameForMessages, Optional.empty());
    }

    private static ReadResult parse(String json, String file, Optional<String> expectedName) {
        Problems problems = new Problems(file);
        Optional<Scenario> scenario = JsonTree.parse(json, problems)
                .flatMap(root -> scenario(JsonCursor.root(root, problems), expectedName));
        return problems.isEmpty() && scenario.isPresent()
                ? new ReadResult.Ok(scenario.get())
                : new ReadResult.Invalid(problems.inFileOrder());
    }

    private static Optional<Scenario> scenario(JsonCursor doc, Optional<String> expectedName) {
        if (!doc.expectObject()) return Optional.empty();
        doc.checkKeys(TOP_LEVEL, key -> Optional.empty());
        Optional<String> name = doc.require("name").flatMap(JsonCursor::string);
        if (name.isPresent() && expectedName.isPresent() && !name.get().equals(expectedName.get())) {
            doc.get("name").orElseThrow().report("name must equal the file name without .json, '"
                    + expectedName.get() + "', not '" + name.get() + "'");
        }
        String description = doc.get("description").flatMap(JsonCursor::string).orElse("");
        Optional<JsonCursor> treeJson = doc.require("tree");
        Optional<NodeSpec> tree = treeJson.flatMap(t -> NodeReader.read(t, true));
        Optional<String> rootId = tree.map(NodeSpec::id)
                .or(() -> treeJson.flatMap(t -> t.get("id")).map(JsonCursor::value)
                        .filter(v -> v instanceof Json.Str s && Vocabulary.isId(s.value()))
                        .map(v -> ((Json.Str) v).value()));
        List<Step> steps = doc.get("steps").map(s -> StepReader.read(s, rootId, tree.map(StepReader::paths)))
                .orElse(List.of());
        return name.flatMap(n -> tree.map(t -> new Scenario(n, description, t, steps)));
    }

    private static ReadResult unreadable(String file, String message) {
        return new ReadResult.Invalid(List.of(new Problem(file, "$", 0, message)));
    }
}
