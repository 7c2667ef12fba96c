package dev.canopy.diagrams.render;

import java.util.Locale;

/**
 * A named role in a drawing. Shapes carry tokens, never colours; a {@link Theme} turns tokens
 * into colours, for the screen (as JavaFX CSS looked-up colors) and for exports alike, so that
 * an export looks like the screen.
 */
public enum StyleToken {
    BACKGROUND(Group.CHROME),

    NODE_SUPERVISOR(Group.NODE_KIND),
    NODE_DYNAMIC(Group.NODE_KIND),
    NODE_TASK_SUPERVISOR(Group.NODE_KIND),
    NODE_WORKER(Group.NODE_KIND),
    NODE_REGISTRY(Group.NODE_KIND),

    STATE_STARTING(Group.NODE_STATE),
    STATE_RUNNING(Group.NODE_STATE),
    STATE_RESTARTING(Group.NODE_STATE),
    STATE_EXITED(Group.NODE_STATE),
    STATE_GAVE_UP(Group.NODE_STATE),
    STATE_IGNORED(Group.NODE_STATE),

    EDGE(Group.CHROME),
    /** A dense subtree drawn as one box because it is too narrow on screen to show its nodes. */
    BLOCK(Group.CHROME),
    SELECTION(Group.CHROME),

    LABEL(Group.TEXT),
    SUBLABEL(Group.TEXT),

    /** Badge: how often the node was restarted. */
    RESTARTS(Group.BADGE),
    /** Badge: messages waiting in the mailbox. */
    MAILBOX(Group.BADGE),
    /** Badge: how many descendants a collapsed node hides. */
    COLLAPSED(Group.BADGE),
    /** Badge: how many nodes below a collapsed node are down (exited, or given up on). */
    DOWN(Group.BADGE),

    /** Restart-intensity gauge: the empty part, and the used part. */
    GAUGE_TRACK(Group.CHROME),
    GAUGE_FILL(Group.CHROME);

    /** What a token styles; decides which {@link TokenStyle} fields matter. */
    public enum Group {
        NODE_KIND, NODE_STATE, TEXT, BADGE, CHROME
    }

    private final Group group;
    private final String cssName;

    StyleToken(Group group) {
        this.group = group;
        this.cssName = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Group group() {
        return group;
    }

    /** The token in CSS form, e.g. {@code node-worker}: SVG class and looked-up color suffix. */
    public String cssName() {
        return cssName;
    }

    /** The JavaFX looked-up color name, e.g. {@code -canopy-node-worker}. */
    public String lookedUpColor() {
        return "-canopy-" + cssName;
    }
}
