package dev.canopy.app.ui.start;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recent-files list in {@code ~/.config/canopy/recent.json}:
 * <pre>{"format": 1, "files": [{"path": "/abs/x.canopy.json", "name": "X", "opened_at": "2026-…Z"}]}</pre>
 * Most recent first, no duplicates, at most {@link #MAX} entries. Written atomically (a temporary
 * file in the same folder, then a rename), so a crash never leaves a half-written list; a missing
 * or corrupt file reads as an empty list.
 */
public final class RecentFilesStore {

    public static final int MAX = 10;

    private final Path file;
    private ObjectMapper mapper; // created on first use: Jackson stays unloaded until the first frame

    public RecentFilesStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public List<RecentFile> load() {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            JsonNode root = mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            JsonNode files = root == null ? null : root.get("files");
            if (files == null || !files.isArray()) return List.of();
            List<RecentFile> out = new ArrayList<>();
            for (JsonNode f : files) {
                JsonNode p = f.get("path");
                if (p == null || !p.isString() || p.asString().isBlank()) continue;
                Path path = Path.of(p.asString());
                JsonNode n = f.get("name");
                String name = n != null && n.isString() ? n.asString() : path.getFileName().toString();
                out.add(new RecentFile(path, name, instant(f.get("opened_at"))));
            }
            return normalise(out);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Replaces the stored list with {@code files} (normalised). */
    public void save(List<RecentFile> files) throws IOException {
        ObjectNode root = mapper().createObjectNode();
        root.put("format", 1);
        ArrayNode arr = root.putArray("files");
        for (RecentFile f : normalise(files)) {
            ObjectNode o = arr.addObject();
            o.put("path", f.path().toString());
            o.put("name", f.name());
            o.put("opened_at", f.openedAt().toString());
        }
        String json = mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        writeAtomically(file, json);
    }

    /** {@code opened} first, then the rest of {@code current} without it, cut to {@link #MAX}. */
    public static List<RecentFile> push(List<RecentFile> current, RecentFile opened) {
        List<RecentFile> l = new ArrayList<>(current.size() + 1);
        l.add(opened);
        l.addAll(current);
        return normalise(l);
    }

    /** Drops later duplicates (same absolute, normalised path) and cuts to {@link #MAX}. */
    static List<RecentFile> normalise(List<RecentFile> files) {
        Map<Path, RecentFile> seen = new LinkedHashMap<>();
        for (RecentFile f : files) {
            Path key = f.path().toAbsolutePath().normalize();
            seen.putIfAbsent(key, new RecentFile(key, f.name(), f.openedAt()));
            if (seen.size() == MAX) break;
        }
        return List.copyOf(seen.values());
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private synchronized ObjectMapper mapper() {
        if (mapper == null) mapper = JsonMapper.builder().build();
        return mapper;
    }

    private static Instant instant(JsonNode n) {
        if (n != null && n.isString()) {
            try {
                return Instant.parse(n.asString());
            } catch (DateTimeParseException ignored) {
                // fall through
            }
        }
        return Instant.EPOCH;
    }
}
