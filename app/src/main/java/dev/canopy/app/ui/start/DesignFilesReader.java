package dev.canopy.app.ui.start;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny, tolerant reader of {@code *.canopy.json} files for the start page: only the name,
 * description, root strategy and tree shape (the full model is dev.canopy.diagrams.design's).
 * Jackson is loaded on first use, which the app makes sure is after its first frame.
 */
public final class DesignFilesReader {

    public static final String SUFFIX = ".canopy.json";

    private static final int MAX_DEPTH = 64;
    private final ObjectMapper mapper = JsonMapper.builder().build();

    /** The designs in {@code dir} (not recursive), by file name; unreadable ones go to {@code problems}. */
    public List<DesignSummary> readDirectory(Path dir, List<String> problems) {
        List<Path> files = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : ds) if (Files.isRegularFile(p)) files.add(p);
        } catch (IOException e) {
            problems.add("Cannot list " + dir + ": " + e.getMessage());
            return List.of();
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<DesignSummary> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(read(f));
            } catch (JacksonException e) {
                problems.add("Skipped " + f.getFileName() + ": " + dev.canopy.diagrams.scenario.JsonSyntax.describe(e));
            } catch (IOException | IllegalArgumentException e) {
                problems.add("Skipped " + f.getFileName() + ": " + firstLine(e.getMessage()));
            }
        }
        return out;
    }

    public DesignSummary read(Path file) throws IOException {
        JsonNode root = mapper.readTree(Files.readString(file));
        if (root == null || !root.isObject()) throw new IllegalArgumentException("not a JSON object");
        String fallback = file.getFileName().toString();
        if (fallback.endsWith(SUFFIX)) fallback = fallback.substring(0, fallback.length() - SUFFIX.length());
        String name = text(root.get("name"), fallback);
        String description = text(root.get("description"), "");
        JsonNode tree = root.get("tree");
        Optional<TreeSketch> sketch = tree != null && tree.isObject() ? Optional.of(sketch(tree, 0)) : Optional.empty();
        String strategy = tree != null ? text(tree.get("strategy"), "") : "";
        return new DesignSummary(file, name.isBlank() ? fallback : name, description, strategy, sketch);
    }

    private static TreeSketch sketch(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) throw new IllegalArgumentException("tree nested too deeply");
        List<TreeSketch> children = new ArrayList<>();
        JsonNode cs = node.get("children");
        if (cs != null && cs.isArray()) {
            for (JsonNode c : cs) if (c.isObject()) children.add(sketch(c, depth + 1));
        }
        JsonNode template = node.get("child_template");
        if (template != null && template.isObject()) children.add(sketch(template, depth + 1));
        String label = text(node.get("label"), text(node.get("id"), ""));
        return new TreeSketch(text(node.get("kind"), "worker"), label, children);
    }

    private static String text(JsonNode n, String fallback) {
        return n != null && n.isString() ? n.asString() : fallback;
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
