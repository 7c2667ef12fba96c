package dev.canopy.app.ui.render;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** "Collapse subtree" / "Expand subtree" (key C) in a node's context menu, for nodes with children. */
public final class CollapseItem {
    private CollapseItem() {
    }

    public static void add(ContextMenu menu, TreeCanvas canvas, String key) {
        var layout = canvas.treeLayout().orElse(null);
        if (layout == null || layout.indexOf(key) < 0 || layout.tree().childCount(layout.indexOf(key)) == 0) return;
        boolean collapsed = canvas.isCollapsed(key);
        MenuItem item = new MenuItem((collapsed ? "Expand subtree" : "Collapse subtree") + " (C)");
        item.setId("node-collapse");
        item.setMnemonicParsing(false);
        item.setOnAction(e -> canvas.toggleCollapsed(key));
        MenuItem all = new MenuItem("Expand all");
        all.setId("node-expand-all");
        all.setOnAction(e -> canvas.expandAll());
        menu.getItems().addAll(new SeparatorMenuItem(), item, all);
    }
}
