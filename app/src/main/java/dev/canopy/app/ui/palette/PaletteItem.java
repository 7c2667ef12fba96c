package dev.canopy.app.ui.palette;

/** The building blocks of a supervision tree, as the palette offers them. */
public enum PaletteItem {
    SUPERVISOR("Supervisor", "supervisor", "Restarts children by strategy"),
    DYNAMIC_SUPERVISOR("DynamicSupervisor", "dynamic_supervisor", "Starts children on demand"),
    WORKER("Worker / GenServer", "worker", "Holds state, answers calls"),
    TASK_SUPERVISOR("Task.Supervisor", "task_supervisor", "Runs short-lived tasks"),
    REGISTRY("Registry", "registry", "Names processes by key");

    private final String title;
    private final String kind;
    private final String description;

    PaletteItem(String title, String kind, String description) {
        this.title = title;
        this.kind = kind;
        this.description = description;
    }

    public String title() {
        return title;
    }

    /** The node kind's word in a {@code *.canopy.json} file. */
    public String kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public static PaletteItem byKind(String kind) {
        for (PaletteItem i : values()) if (i.kind.equals(kind)) return i;
        throw new IllegalArgumentException("unknown kind: " + kind);
    }
}
