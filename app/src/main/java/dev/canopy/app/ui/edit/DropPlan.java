package dev.canopy.app.ui.edit;

import java.util.Objects;

/** What a drop would do: the edit to execute, or why the drop is refused (shown while dragging). */
public sealed interface DropPlan {

    record Allowed(EditCommand command) implements DropPlan {
        public Allowed {
            Objects.requireNonNull(command, "command");
        }
    }

    record Refused(String reason) implements DropPlan {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }
}
