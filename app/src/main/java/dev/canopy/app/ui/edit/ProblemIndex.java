package dev.canopy.app.ui.edit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.design.DesignValidator;

/**
 * The validator's problems of one design, filed under the slash path of the node each is about
 * (the path {@code ""} holds design-level ones: name, cluster_nodes ...) and the field within it
 * ({@code restart}, {@code sim.init_ms}, {@code ""} for the node as a whole), for inline messages
 * in the inspector and marks on the canvas.
 */
public final class ProblemIndex {

    /** One problem with where it belongs. */
    public record Placed(String nodePath, String field, DesignProblem problem) {
    }

    private static final ProblemIndex EMPTY = new ProblemIndex(List.of(), List.of());

    private final List<DesignProblem> all;
    private final Map<String, List<Placed>> byPath = new LinkedHashMap<>();

    private ProblemIndex(List<DesignProblem> all, List<Placed> placed) {
        this.all = List.copyOf(all);
        for (Placed p : placed) byPath.computeIfAbsent(p.nodePath(), k -> new ArrayList<>()).add(p);
    }

    public static ProblemIndex empty() {
        return EMPTY;
    }

    /** Validates the design and files every problem. */
    public static ProblemIndex validate(Design design) {
        return of(design, DesignValidator.validate(design));
    }

    /** Files the given problems of the design. */
    public static ProblemIndex of(Design design, List<DesignProblem> problems) {
        Map<String, String> nodeOfJson = new HashMap<>();
        for (String path : DesignPaths.allPaths(design)) {
            DesignPaths.jsonPath(design, path).ifPresent(json -> nodeOfJson.putIfAbsent(json, path));
        }
        List<Placed> placed = new ArrayList<>();
        for (DesignProblem p : problems) placed.add(place(p, nodeOfJson));
        return new ProblemIndex(problems, placed);
    }

    private static Placed place(DesignProblem p, Map<String, String> nodeOfJson) {
        String json = p.jsonPath();
        String prefix = json;
        while (true) {
            String node = nodeOfJson.get(prefix);
            if (node != null) {
                String field = prefix.length() == json.length() ? "" : json.substring(prefix.length() + 1);
                return new Placed(node, field, p);
            }
            int cut = Math.max(prefix.lastIndexOf('.'), prefix.lastIndexOf('['));
            if (cut <= 0) break;
            prefix = prefix.substring(0, cut);
        }
        String field = json.startsWith("$.") ? json.substring(2) : json.equals("$") ? "" : json;
        return new Placed("", field, p);
    }

    /** Every problem, in tree order. */
    public List<DesignProblem> all() {
        return all;
    }

    /** The problems of the node at the path (not of its children); {@code ""} for design-level ones. */
    public List<DesignProblem> at(String path) {
        return placedAt(path).stream().map(Placed::problem).toList();
    }

    /** The problems of one field of the node at the path ({@code "label"}, {@code "start.module"} ...). */
    public List<DesignProblem> at(String path, String field) {
        return placedAt(path).stream()
                .filter(p -> p.field().equals(field) || p.field().startsWith(field + ".") || p.field().startsWith(field + "["))
                .map(Placed::problem).toList();
    }

    /** Every problem with where it belongs, in tree order. */
    public List<Placed> placed() {
        List<Placed> out = new ArrayList<>();
        byPath.values().forEach(out::addAll);
        return out;
    }

    public List<Placed> placedAt(String path) {
        return List.copyOf(byPath.getOrDefault(path, List.of()));
    }

    /** The problems of the node at the path and everything below it. */
    public List<DesignProblem> under(String path) {
        if (path.isEmpty()) return all;
        List<DesignProblem> out = new ArrayList<>();
        byPath.forEach((k, v) -> {
            if (Trees.within(k, path)) v.forEach(p -> out.add(p.problem()));
        });
        return out;
    }

    /** Paths that have at least one problem ({@code ""} for the design itself). */
    public List<String> paths() {
        return List.copyOf(byPath.keySet());
    }

    public long errorCount() {
        return all.stream().filter(DesignProblem::isError).count();
    }

    public long warningCount() {
        return all.size() - errorCount();
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }
}
