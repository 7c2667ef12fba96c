package dev.canopy.diagrams.attach;

/** Why attaching did not work, as a kind (for code) and a sentence (for people). */
public record AttachFailure(Kind kind, String sentence) {

    public enum Kind { NO_ERL, USAGE, NOT_RUNNING, EPMD, COOKIE, NAME_MODE, UNREACHABLE, BRIDGE;

        static Kind of(String word) {
            return switch (word) {
                case "usage" -> USAGE;
                case "not_running" -> NOT_RUNNING;
                case "epmd" -> EPMD;
                case "cookie" -> COOKIE;
                case "name_mode" -> NAME_MODE;
                case "unreachable" -> UNREACHABLE;
                default -> BRIDGE;
            };
        }
    }
}
