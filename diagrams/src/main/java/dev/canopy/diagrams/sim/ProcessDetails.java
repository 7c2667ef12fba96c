package dev.canopy.diagrams.sim;

import java.util.List;

/**
 * What the simulator's inspector shows of the process now playing a design path: read from the
 * node when asked, so it is as fresh as the run. {@code alive} is false when no incarnation is
 * running (then pid is the last one's, or "", and the lists are empty). Messages are rendered
 * as text, oldest first, the newest last; {@code mailboxSize} counts them all, the list holds the
 * newest {@link SimulationSession#MAILBOX_SHOWN} at most. Links and monitors name the other
 * process by pid and, when it plays a design path, by that path.
 */
public record ProcessDetails(String path, String pid, boolean alive, String registeredName, boolean trapsExits,
                             int mailboxSize, List<String> messages, List<String> links, List<String> monitoredBy,
                             List<String> monitoring) {
    public ProcessDetails {
        messages = List.copyOf(messages);
        links = List.copyOf(links);
        monitoredBy = List.copyOf(monitoredBy);
        monitoring = List.copyOf(monitoring);
    }

    /** No process at this path right now. */
    public static ProcessDetails none(String path, String lastPid) {
        return new ProcessDetails(path, lastPid, false, "", false, 0, List.of(), List.of(), List.of(), List.of());
    }
}
