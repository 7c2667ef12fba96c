package dev.canopy.app.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** Turns the texts of {@link dev.canopy.app.ui.edit.Shortcuts} into the key combinations menus and scenes take. */
final class KeyCombinations {
    private KeyCombinations() {
    }

    /**
     * The key combination of a {@link dev.canopy.app.ui.edit.Shortcuts} text. A key-code name
     * (DIGIT0, EQUALS, MINUS) becomes a key-code combination: {@code KeyCombination.keyCombination}
     * would read it as the character sequence "DIGIT0", which no key types and which menus show
     * as "Ctrl+DIGIT0".
     */
    static KeyCombination of(String text) {
        String[] parts = text.split("\\+");
        String key = parts[parts.length - 1];
        if (key.length() > 1) {
            try {
                KeyCode code = KeyCode.valueOf(key);
                List<KeyCombination.Modifier> modifiers = new ArrayList<>();
                for (int i = 0; i < parts.length - 1; i++) {
                    modifiers.add(switch (parts[i].toLowerCase(Locale.ROOT)) {
                        case "shortcut" -> KeyCombination.SHORTCUT_DOWN;
                        case "shift" -> KeyCombination.SHIFT_DOWN;
                        case "alt" -> KeyCombination.ALT_DOWN;
                        case "ctrl" -> KeyCombination.CONTROL_DOWN;
                        case "meta" -> KeyCombination.META_DOWN;
                        default -> throw new IllegalArgumentException("unknown modifier in " + text);
                    });
                }
                return new KeyCodeCombination(code, modifiers.toArray(KeyCombination.Modifier[]::new));
            } catch (IllegalArgumentException notAKeyCode) {
                // a name such as "Delete" or "F5": KeyCombination reads those itself
            }
        }
        return KeyCombination.keyCombination(text);
    }
}
