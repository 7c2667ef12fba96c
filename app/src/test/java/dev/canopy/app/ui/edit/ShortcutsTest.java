package dev.canopy.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;

import org.junit.jupiter.api.Test;

import javafx.scene.input.KeyCombination;

class ShortcutsTest {

    @Test
    void theTable() {
        assertThat(Shortcuts.require(Shortcuts.UNDO)).isEqualTo("Shortcut+Z");
        assertThat(Shortcuts.require(Shortcuts.REDO)).isEqualTo("Shortcut+Shift+Z");
        assertThat(Shortcuts.require(Shortcuts.DELETE)).isEqualTo("Delete");
        assertThat(Shortcuts.require(Shortcuts.COPY)).isEqualTo("Shortcut+C");
        assertThat(Shortcuts.require(Shortcuts.CUT)).isEqualTo("Shortcut+X");
        assertThat(Shortcuts.require(Shortcuts.PASTE)).isEqualTo("Shortcut+V");
        assertThat(Shortcuts.require(Shortcuts.DUPLICATE)).isEqualTo("Shortcut+D");
        assertThat(Shortcuts.require(Shortcuts.SAVE)).isEqualTo("Shortcut+S");
        assertThat(Shortcuts.require(Shortcuts.OPEN)).isEqualTo("Shortcut+O");
        assertThat(Shortcuts.require(Shortcuts.NEW)).isEqualTo("Shortcut+N");
        assertThat(Shortcuts.require(Shortcuts.EXPORT)).isEqualTo("Shortcut+E");
        assertThat(Shortcuts.require(Shortcuts.FIND)).isEqualTo("Shortcut+F");
        assertThat(Shortcuts.require(Shortcuts.FIT)).isEqualTo("Shortcut+DIGIT0");
        assertThat(Shortcuts.require(Shortcuts.ZOOM_IN)).isEqualTo("Shortcut+EQUALS");
        assertThat(Shortcuts.require(Shortcuts.ZOOM_OUT)).isEqualTo("Shortcut+MINUS");
        assertThat(Shortcuts.require(Shortcuts.RUN)).isEqualTo("F5");
        assertThat(Shortcuts.require(Shortcuts.PAUSE)).isEqualTo("F6");
        assertThat(Shortcuts.require(Shortcuts.STEP)).isEqualTo("F10");
        assertThat(Shortcuts.of("nope")).isEmpty();
        assertThatThrownBy(() -> Shortcuts.require("nope")).hasMessageContaining("nope");
    }

    @Test
    void everyEntryParsesAndNoTwoActionsShareAKey() {
        var seen = new HashSet<KeyCombination>();
        Shortcuts.table().forEach((action, text) -> {
            KeyCombination k = KeyCombination.valueOf(text);
            assertThat(seen.add(k)).as(action + " " + text).isTrue();
        });
        assertThat(seen).hasSize(Shortcuts.table().size());
    }
}
