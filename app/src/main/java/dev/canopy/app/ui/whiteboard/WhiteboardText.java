package dev.canopy.app.ui.whiteboard;

import javafx.scene.control.Label;

/** Small text helpers shared by the whiteboard views. */
final class WhiteboardText {
    private WhiteboardText() {
    }

    static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static Label wrap(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(300);
        return l;
    }
}
