package dev.canopy.app.ui.theme;

/** The two looks of the desktop app: AtlantaFX Primer Light and Primer Dark. */
public enum ThemeMode {
    LIGHT, DARK;

    public ThemeMode toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public boolean isDark() {
        return this == DARK;
    }

    /** {@code -Dcanopy.theme=dark|light}; light otherwise. */
    public static ThemeMode initial() {
        return "dark".equalsIgnoreCase(System.getProperty("canopy.theme", "")) ? DARK : LIGHT;
    }
}
