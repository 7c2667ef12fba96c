package dev.canopy.app.ui.edit;

/** Where a drop lands relative to the node under the pointer. */
public enum DropPosition {
    /** As the sibling just before the target (starts before it). */
    BEFORE,
    /** As the sibling just after the target. */
    AFTER,
    /** As the target's last child (starts last). */
    INSIDE
}
