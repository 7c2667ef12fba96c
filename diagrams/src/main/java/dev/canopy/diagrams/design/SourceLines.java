package dev.canopy.diagrams.design;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.scenario.Json;

/**
 * Where each JSON path of a read file starts (1-based line), so that problems found on the model
 * (which has no lines) can point into the file. A path that is not in the file (a default that was
 * not written) gets the line of its nearest enclosing value.
 */
public final class SourceLines {

    /** A key written as {@code .key} in a path; compiled once (a 100k-node file has half a million keys). */
    private static final java.util.regex.Pattern PLAIN_KEY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String file;
    private final Map<String, Integer> lines;

    private SourceLines(String file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = Map.copyOf(lines);
    }

    /** No lines known: every problem gets line 0. */
    public static SourceLines none(String file) {
        return new SourceLines(file, Map.of());
    }

    static SourceLines of(String file, Json root) {
        Map<String, Integer> lines = new HashMap<>();
        walk("$", root, lines);
        return new SourceLines(file, lines);
    }

    public String file() {
        return file;
    }

    /** The line of the path, or of its nearest enclosing path in the file; 0 if none. */
    public int lineOf(String jsonPath) {
        String p = jsonPath;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) return line;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) return lines.getOrDefault("$", 0);
            p = p.substring(0, cut);
        }
    }

    /** The problem with this file's name and its line. */
    public DesignProblem locate(DesignProblem problem) {
        return problem.at(file, lineOf(problem.jsonPath()));
    }

    public List<DesignProblem> locate(List<DesignProblem> problems) {
        return problems.stream().map(this::locate).toList();
    }

    private static void walk(String path, Json value, Map<String, Integer> lines) {
        lines.putIfAbsent(path, value.line());
        switch (value) {
            case Json.Obj o -> {
                for (Json.Member m : o.members()) {
                    String child = path + (PLAIN_KEY.matcher(m.key()).matches() ? "." + m.key()
                            : "['" + m.key().replace("'", "\\'") + "']");
                    if (!lines.containsKey(child)) {
                        lines.put(child, m.keyLine());
                        walk(child, m.value(), lines);
                    }
                }
            }
            case Json.Arr a -> {
                for (int i = 0; i < a.items().size(); i++) walk(path + "[" + i + "]", a.items().get(i), lines);
            }
            default -> { }
        }
    }
}
