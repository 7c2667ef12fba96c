package dev.canopy.app.ui.sim;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.sim.NodeState;
import dev.canopy.diagrams.sim.NodeStatus;
import dev.canopy.diagrams.sim.ProcessDetails;

/**
 * What the simulator's inspector says about the selected node, as text: built from the run's
 * node states and the process details the engine thread read, so the view only lays it out.
 * Toolkit-free.
 */
public record ProcessSummary(String path, String title, String pid, String status, String restarts, int mailboxSize,
                             List<String> messages, String mailboxNote, List<String> links, List<String> monitors,
                             String supervisorIntensity, String ownIntensity, String lastExit, String trapsExits) {

    /** The summary of {@code path}; details may be null (not read yet) or of another path. */
    public static ProcessSummary of(String path, Map<String, NodeState> states, ProcessDetails details) {
        NodeState s = states.get(path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (s == null) {
            return new ProcessSummary(path, name, "", "not in this run", "", 0, List.of(), "", List.of(), List.of(), "", "",
                    "", "");
        }
        ProcessDetails d = details != null && details.path().equals(path) ? details : null;
        boolean alive = d != null && d.alive();
        String pid = d != null && !d.pid().isEmpty() ? d.pid() : s.pid();
        int mailbox = d != null ? d.mailboxSize() : s.mailbox();
        List<String> messages = d == null ? List.of() : d.messages();
        String note = mailbox == 0 ? "empty" : mailbox + " message" + (mailbox == 1 ? "" : "s")
                + (messages.size() < mailbox ? ", the newest " + messages.size() + " shown" : "") + ", newest last";
        List<String> monitors = d == null ? List.of()
                : java.util.stream.Stream.concat(d.monitoredBy().stream().map(m -> "monitored by " + m),
                        d.monitoring().stream().map(m -> "monitors " + m)).toList();
        String parent = DesignPaths.parentPath(path).orElse(null);
        String supIntensity = parent == null ? "top of the tree (no supervisor)" : intensity(parent, states.get(parent));
        String own = s.maxRestarts() > 0 || s.windowSeconds() > 0 ? intensity(path, s) : "";
        return new ProcessSummary(path, name, pid.isEmpty() ? "none yet" : pid, statusWords(s.status(), alive, d != null),
                s.restarts() == 0 ? "none" : s.restarts() + (s.restarts() == 1 ? " restart" : " restarts"),
                mailbox, messages, note, d == null ? List.of() : d.links(), monitors, supIntensity, own,
                s.lastExitReason().isEmpty() ? "none yet" : s.lastExitReason(),
                d == null || !alive ? "" : d.trapsExits() ? "yes: exit signals arrive as messages" : "no");
    }

    private static String statusWords(NodeStatus status, boolean alive, boolean read) {
        String word = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (status == NodeStatus.RUNNING && read && !alive) return "running (its process just ended)";
        return word;
    }

    private static String intensity(String sup, NodeState s) {
        String name = sup.substring(sup.lastIndexOf('/') + 1);
        if (s == null) return name;
        return name + ": " + s.recentRestarts() + " restart" + (s.recentRestarts() == 1 ? "" : "s") + " in the last "
                + s.windowSeconds() + " s; gives up after more than " + s.maxRestarts();
    }
}
