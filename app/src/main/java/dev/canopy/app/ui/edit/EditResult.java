package dev.canopy.app.ui.edit;

import java.util.Objects;

/** What an editor action did: applied (with the step's name, for the status bar / log) or refused (why). */
public sealed interface EditResult {

    record Applied(String name) implements EditResult {
        public Applied {
            Objects.requireNonNull(name, "name");
        }

        @Override public String message() {
            return name;
        }
    }

    record Refused(String reason) implements EditResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        @Override public String message() {
            return reason;
        }
    }

    /** The step's name, or the reason it was refused. */
    String message();

    default boolean applied() {
        return this instanceof Applied;
    }

    static EditResult applied(String name) {
        return new Applied(name);
    }

    static EditResult refused(String reason) {
        return new Refused(reason);
    }
}
