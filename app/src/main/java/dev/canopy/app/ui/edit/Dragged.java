package dev.canopy.app.ui.edit;

import java.util.Objects;

import dev.canopy.diagrams.design.DesignKind;

/** What is being dragged: a new node of a kind from the palette, or a node of the design by path. */
public sealed interface Dragged {

    /** A palette item: dropping it creates a node of this kind with a fresh id (worker_1, sup_1 ...). */
    record NewNode(DesignKind kind) implements Dragged {
        public NewNode {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A node already on the canvas, moved by the drop. */
    record ExistingNode(String path) implements Dragged {
        public ExistingNode {
            Objects.requireNonNull(path, "path");
        }
    }

    /** The text put on the drag board: {@code canopy-kind:worker} or {@code canopy-node:app/web/cache}. */
    default String encode() {
        return switch (this) {
            case NewNode n -> KIND_PREFIX + n.kind().jsonName();
            case ExistingNode e -> NODE_PREFIX + e.path();
        };
    }

    /** Reads {@link #encode()}'s text back; empty for anything else dropped on the canvas. */
    static java.util.Optional<Dragged> decode(String text) {
        if (text == null) return java.util.Optional.empty();
        if (text.startsWith(NODE_PREFIX) && text.length() > NODE_PREFIX.length()) {
            return java.util.Optional.of(new ExistingNode(text.substring(NODE_PREFIX.length())));
        }
        if (text.startsWith(KIND_PREFIX)) return ofKindName(text.substring(KIND_PREFIX.length()));
        return java.util.Optional.empty();
    }

    /** A palette item by its kind word in the file ({@code worker}, {@code task_supervisor} ...). */
    static java.util.Optional<Dragged> ofKindName(String jsonName) {
        for (DesignKind k : DesignKind.values()) {
            if (k.jsonName().equals(jsonName)) return java.util.Optional.of(new NewNode(k));
        }
        return java.util.Optional.empty();
    }

    String KIND_PREFIX = "canopy-kind:";
    String NODE_PREFIX = "canopy-node:";

    static Dragged of(DesignKind kind) {
        return new NewNode(kind);
    }

    static Dragged node(String path) {
        return new ExistingNode(path);
    }
}
