package dev.canopy.diagrams.attach;

import java.util.List;

/**
 * Something that happened on an attached node. Paths are the application's name followed by the
 * child ids from its top supervisor down. Times are the bridge's clock, in ms.
 */
public sealed interface LiveEvent {

    String node();

    long atMs();

    record Exit(String node, List<String> path, String pid, String reason, long atMs) implements LiveEvent {
        public Exit {
            path = List.copyOf(path);
        }
    }

    /** The child at {@code path} runs again, as {@code newPid}. */
    record Restart(String node, List<String> path, String oldPid, String newPid, long atMs) implements LiveEvent {
        public Restart {
            path = List.copyOf(path);
        }
    }

    record NodeGone(String node, long atMs) implements LiveEvent {}

    record NodeJoined(String node, long atMs) implements LiveEvent {}
}
