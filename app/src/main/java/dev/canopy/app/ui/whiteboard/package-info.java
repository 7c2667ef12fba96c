/**
 * The whiteboard in the desktop app: {@link dev.canopy.app.ui.whiteboard.WhiteboardPanel}, the
 * side panel next to a design's canvas showing "What if this dies?"
 * ({@link dev.canopy.diagrams.whiteboard.WhatIf}: the canvas colours what the supervisor restarts,
 * stops or leaves untouched, with a legend, the explanations, escalation and restart budget) and
 * the design advisor ({@link dev.canopy.diagrams.whiteboard.DesignAdvisor}: advice cards; a click
 * selects the node). The strategy wizard dialog lives with the window's other dialogs
 * ({@code dev.canopy.app.ui.main.FileActions#wizard}); the guided exercise ({@link dev.canopy.app.ui.whiteboard.GuidedWhiteboardView}
 * over {@link dev.canopy.app.ui.whiteboard.GuidedWhiteboardViewModel}) runs in the panel and applies its proposals through the
 * editor's undo stack.
 */
package dev.canopy.app.ui.whiteboard;
