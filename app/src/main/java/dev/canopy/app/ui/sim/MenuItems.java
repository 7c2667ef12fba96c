package dev.canopy.app.ui.sim;

import javafx.scene.control.MenuItem;

/** The simulator's menu entries: plain text (no mnemonic parsing of paths with underscores), an id tests find, an action. */
final class MenuItems {
    private MenuItems() {
    }

    static MenuItem item(String text, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setMnemonicParsing(false);
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }
}
