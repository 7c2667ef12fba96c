package dev.canopy.app.ui.theme;

import javafx.scene.paint.Color;

/** Colours the canvases draw with (a Canvas does not see CSS), one set per {@link ThemeMode}. */
public record CanvasColors(Color background, Color gridMinor, Color gridMajor, Color text, Color mutedText,
                           Color edge, Color supervisor, Color dynamicSupervisor, Color worker,
                           Color taskSupervisor, Color registry, Color nodeFill) {

    public static final CanvasColors LIGHT = new CanvasColors(
            Color.web("#f6f8fa"), Color.web("#e6eaef"), Color.web("#d0d7de"), Color.web("#1f2328"),
            Color.web("#656d76"), Color.web("#8c959f"), Color.web("#0969da"), Color.web("#8250df"),
            Color.web("#1a7f37"), Color.web("#bf8700"), Color.web("#cf222e"), Color.web("#ffffff"));

    public static final CanvasColors DARK = new CanvasColors(
            Color.web("#0d1117"), Color.web("#161b22"), Color.web("#21262d"), Color.web("#e6edf3"),
            Color.web("#8d96a0"), Color.web("#6e7681"), Color.web("#4493f8"), Color.web("#ab7df8"),
            Color.web("#3fb950"), Color.web("#d29922"), Color.web("#f85149"), Color.web("#161b22"));

    public static CanvasColors of(ThemeMode mode) {
        return mode.isDark() ? DARK : LIGHT;
    }

    /** The accent colour of a node kind ({@code supervisor}, {@code worker}, …; JSON names). */
    public Color kind(String kind) {
        return switch (kind == null ? "" : kind) {
            case "supervisor" -> supervisor;
            case "dynamic_supervisor" -> dynamicSupervisor;
            case "task_supervisor" -> taskSupervisor;
            case "registry" -> registry;
            default -> worker;
        };
    }
}
