package dev.canopy.diagrams.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;

import org.junit.jupiter.api.Test;

/** One source of colours for the app's CSS and the exports. */
class ThemeTest {

    @Test
    void css_names_every_token_as_a_looked_up_color() {
        for (Theme theme : new Theme[] {Theme.light(), Theme.dark()}) {
            String css = theme.toCss();
            assertThat(css).startsWith("/* Canopy theme '" + theme.name() + "'").contains(".root {");
            for (StyleToken t : StyleToken.values()) {
                assertThat(css).contains("    " + t.lookedUpColor() + ": " + theme.style(t).primary().toHex() + ";\n");
            }
        }
        assertThat(Theme.light().toCss()).contains("    -canopy-node-worker: #f4f5f7;\n    -canopy-node-worker-stroke: #8a93a3;\n")
                .contains("    -canopy-restarts-text: #2b1d00;\n");
    }

    @Test
    void light_and_dark_differ_and_are_stable() {
        assertThat(Theme.light().toCss()).isNotEqualTo(Theme.dark().toCss()).isEqualTo(Theme.light().toCss());
    }

    @Test
    void a_theme_must_style_every_token() {
        EnumMap<StyleToken, TokenStyle> partial = new EnumMap<>(Theme.light().styles());
        partial.remove(StyleToken.EDGE);
        assertThatThrownBy(() -> new Theme("partial", partial)).hasMessageContaining("EDGE");
    }
}
