package dev.canopy.app.ui.whiteboard;

import javafx.scene.control.Label;

/** Small text helpers shared by the whiteboard views. */
final class WhiteboardText {
    private WhiteboardText() {
    }

    static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A node by its path below the root ("one_for_all/b"), so equal ids under different supervisors differ. */
    static String name(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    static Label wrap(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(280);
        return l;
    }
}
