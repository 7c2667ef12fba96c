package dev.canopy.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small *.canopy.json files for the UI tests (the real samples/ belong to the design model). */
public final class TestDesigns {

    private TestDesigns() {
    }

    public static final String WEB_APP = """
            {"format": 1, "name": "Web app", "description": "A supervisor with a repo and an endpoint.",
             "cluster_nodes": 1,
             "tree": {"id": "root", "kind": "supervisor", "label": "MyApp.Supervisor", "strategy": "one_for_one",
                      "children": [
                        {"id": "repo", "kind": "worker", "label": "MyApp.Repo"},
                        {"id": "pubsub", "kind": "registry", "label": "MyApp.PubSub"},
                        {"id": "sessions", "kind": "dynamic_supervisor", "label": "Sessions",
                         "child_template": {"id": "session", "kind": "worker", "label": "Session"}},
                        {"id": "endpoint", "kind": "worker", "label": "MyApp.Endpoint"}]},
             "steps": []}
            """;

    public static final String TASKS = """
            {"format": 1, "name": "Task fan-out", "description": "Tasks under a Task.Supervisor.",
             "cluster_nodes": 1,
             "tree": {"id": "root", "kind": "supervisor", "label": "Jobs", "strategy": "rest_for_one",
                      "children": [{"id": "tasks", "kind": "task_supervisor", "label": "Jobs.Tasks"}]},
             "steps": []}
            """;

    /** Writes the two designs (and one broken file) into {@code dir}; returns dir. */
    public static Path writeSamples(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("web_app.canopy.json"), WEB_APP);
        Files.writeString(dir.resolve("tasks.canopy.json"), TASKS);
        Files.writeString(dir.resolve("broken.canopy.json"), "{ not json");
        Files.writeString(dir.resolve("readme.txt"), "not a design");
        return dir;
    }
}
