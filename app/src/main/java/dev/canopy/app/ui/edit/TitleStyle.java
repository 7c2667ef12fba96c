package dev.canopy.app.ui.edit;

/** How a window title marks unsaved changes. */
public enum TitleStyle {
    /** "• my_app — Canopy" (the tab and window style of most Linux and Windows apps). */
    BULLET,
    /** "my_app* — Canopy". */
    ASTERISK;

    /** The window title of a design with this name. */
    public String title(String name, boolean dirty) {
        return tab(name, dirty) + " — Canopy";
    }

    /** The tab title: the name, marked when dirty. */
    public String tab(String name, boolean dirty) {
        String shown = name == null || name.isBlank() ? "untitled" : name;
        if (!dirty) return shown;
        return this == BULLET ? "• " + shown : shown + "*";
    }
}
