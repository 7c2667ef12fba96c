package dev.canopy.app.ui.edit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keyboard shortcuts of the desktop app: action id → key combination text in JavaFX's
 * {@code KeyCombination.valueOf} form ("Shortcut" is Ctrl, or Cmd on macOS). One table, so that
 * menus, tooltips and the help page agree. Key-code names (EQUALS, MINUS, DIGIT0), not characters:
 * a character combination asks the windowing toolkit to map every key press, which some
 * toolkits (headless Monocle) cannot, and a key code is the same key on every layout.
 */
public final class Shortcuts {

    public static final String UNDO = "undo";
    public static final String REDO = "redo";
    /** Redo's second combination (Ctrl+Y, as on Windows and in most editors). */
    public static final String REDO_ALT = "redo-alt";
    public static final String CUT = "cut";
    public static final String COPY = "copy";
    public static final String PASTE = "paste";
    public static final String DUPLICATE = "duplicate";
    public static final String DELETE = "delete";
    public static final String NEW = "new";
    public static final String OPEN = "open";
    public static final String SAVE = "save";
    public static final String SAVE_AS = "save-as";
    public static final String EXPORT = "export";
    public static final String FIND = "find";
    public static final String FIT = "fit";
    public static final String ZOOM_IN = "zoom-in";
    public static final String ZOOM_OUT = "zoom-out";
    public static final String RUN = "run";
    public static final String PAUSE = "pause";
    public static final String STEP = "step";
    public static final String WHAT_IF = "what-if";
    public static final String WIZARD = "wizard";
    public static final String ADVISOR = "advisor";

    private static final Map<String, String> TABLE;

    static {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(UNDO, "Shortcut+Z");
        t.put(REDO, "Shortcut+Shift+Z");
        t.put(REDO_ALT, "Shortcut+Y");
        t.put(CUT, "Shortcut+X");
        t.put(COPY, "Shortcut+C");
        t.put(PASTE, "Shortcut+V");
        t.put(DUPLICATE, "Shortcut+D");
        t.put(DELETE, "Delete");
        t.put(NEW, "Shortcut+N");
        t.put(OPEN, "Shortcut+O");
        t.put(SAVE, "Shortcut+S");
        t.put(SAVE_AS, "Shortcut+Shift+S");
        t.put(EXPORT, "Shortcut+E");
        t.put(FIND, "Shortcut+F");
        t.put(FIT, "Shortcut+DIGIT0");
        t.put(ZOOM_IN, "Shortcut+EQUALS");
        t.put(ZOOM_OUT, "Shortcut+MINUS");
        t.put(RUN, "F5");
        t.put(PAUSE, "F6");
        t.put(STEP, "F10");
        t.put(WHAT_IF, "Shortcut+I");
        t.put(WIZARD, "Shortcut+Shift+W");
        t.put(ADVISOR, "Shortcut+Shift+A");
        TABLE = Collections.unmodifiableMap(t);
    }

    private Shortcuts() {
    }

    /** Every action id with its combination, in menu order. */
    public static Map<String, String> table() {
        return TABLE;
    }

    /** The combination text of an action, e.g. "Shortcut+Z" for {@link #UNDO}. */
    public static Optional<String> of(String actionId) {
        return Optional.ofNullable(TABLE.get(actionId));
    }

    /** The combination text of an action; throws for an unknown id. */
    public static String require(String actionId) {
        String k = TABLE.get(actionId);
        if (k == null) throw new IllegalArgumentException("no shortcut for action '" + actionId + "'");
        return k;
    }
}
