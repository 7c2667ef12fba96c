package dev.canopy.diagrams.render;

import java.util.OptionalDouble;

/**
 * The live look of one node, keyed like the layout (by stable child id). Changing it restyles a
 * node without moving it: the pid goes in the sublabel, not the key.
 *
 * @param kind         a {@link StyleToken.Group#NODE_KIND} token
 * @param state        a {@link StyleToken.Group#NODE_STATE} token
 * @param restarts     restart count badge; 0 shows none
 * @param mailboxDepth mailbox depth badge; 0 shows none
 * @param intensity    restart intensity used, 0..1, shown as a gauge; empty shows none
 */
public record NodeVisual(String key, String label, String sublabel, StyleToken kind, StyleToken state, int restarts,
        int mailboxDepth, OptionalDouble intensity, boolean selected) {

    public NodeVisual {
        if (key == null || label == null || sublabel == null) throw new IllegalArgumentException("key, label and sublabel are required");
        if (kind.group() != StyleToken.Group.NODE_KIND) throw new IllegalArgumentException(kind + " is not a node kind token");
        if (state.group() != StyleToken.Group.NODE_STATE) throw new IllegalArgumentException(state + " is not a node state token");
        if (restarts < 0 || mailboxDepth < 0) throw new IllegalArgumentException("counts must be >= 0");
        intensity.ifPresent(f -> {
            if (!(f >= 0 && f <= 1)) throw new IllegalArgumentException("intensity must be 0..1, was " + f);
        });
    }

    /** A node without badges, not selected. */
    public static NodeVisual of(String key, String label, String sublabel, StyleToken kind, StyleToken state) {
        return new NodeVisual(key, label, sublabel, kind, state, 0, 0, OptionalDouble.empty(), false);
    }

    public NodeVisual withState(StyleToken newState) {
        return new NodeVisual(key, label, sublabel, kind, newState, restarts, mailboxDepth, intensity, selected);
    }

    public NodeVisual withSublabel(String newSublabel) {
        return new NodeVisual(key, label, newSublabel, kind, state, restarts, mailboxDepth, intensity, selected);
    }

    public NodeVisual withBadges(int newRestarts, int newMailboxDepth, OptionalDouble newIntensity) {
        return new NodeVisual(key, label, sublabel, kind, state, newRestarts, newMailboxDepth, newIntensity, selected);
    }

    public NodeVisual withSelected(boolean isSelected) {
        return new NodeVisual(key, label, sublabel, kind, state, restarts, mailboxDepth, intensity, isSelected);
    }
}
