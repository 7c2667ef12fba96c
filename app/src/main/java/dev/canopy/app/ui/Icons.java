package dev.canopy.app.ui;

import dev.canopy.app.ui.palette.PaletteItem;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Ikonli icons (Material 2, outlined) used across the views. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(Ikon ikon) {
        return new FontIcon(ikon);
    }

    public static FontIcon of(Ikon ikon, int size) {
        FontIcon i = new FontIcon(ikon);
        i.setIconSize(size);
        return i;
    }

    /** The palette's icon for a node kind. */
    public static Ikon kind(PaletteItem item) {
        return switch (item) {
            case SUPERVISOR -> Material2OutlinedAL.ACCOUNT_TREE;
            case DYNAMIC_SUPERVISOR -> Material2OutlinedAL.DYNAMIC_FEED;
            case WORKER -> Material2OutlinedAL.DNS;
            case TASK_SUPERVISOR -> Material2OutlinedAL.ASSIGNMENT;
            case REGISTRY -> Material2OutlinedAL.LIBRARY_BOOKS;
        };
    }

    public static Ikon themeToggle(boolean dark) {
        return dark ? Material2OutlinedMZ.WB_SUNNY : Material2OutlinedAL.BRIGHTNESS_2;
    }
}
