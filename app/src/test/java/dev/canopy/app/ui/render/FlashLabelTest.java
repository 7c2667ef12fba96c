package dev.canopy.app.ui.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.render.Theme;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** Issue 12: exit-reason labels were white on light orange, translucent, with edges showing through. */
class FlashLabelTest {

    @Test
    void every_flash_colour_gets_ink_that_can_be_read_in_both_themes() {
        for (Theme theme : new Theme[] {Theme.light(), Theme.dark()}) {
            for (StyleToken token : new StyleToken[] {StyleToken.STATE_RESTARTING, StyleToken.STATE_GAVE_UP,
                    StyleToken.STATE_RUNNING, StyleToken.STATE_STARTING}) {
                Color fill = CanvasRenderer.color(theme, token);
                assertThat(FlashLabel.contrast(fill, FlashLabel.ink(fill))).as("%s in %s", token, theme)
                        .isGreaterThanOrEqualTo(FlashLabel.MIN_CONTRAST);
            }
        }
        // the restart orange in particular takes dark ink
        assertThat(FlashLabel.ink(CanvasRenderer.color(Theme.light(), StyleToken.STATE_RESTARTING))).isEqualTo(FlashLabel.DARK_INK);
    }

    @Test
    void the_label_stays_opaque_over_the_edges_while_only_the_ring_fades() {
        for (double age = 0; age < TreeCanvas.FLASH_MS; age += TreeCanvas.FLASH_MS / 24) {
            assertThat(FlashLabel.labelAlpha(age)).as("label at %s ms", age).isEqualTo(1.0);
        }
        assertThat(FlashLabel.ringAlpha(0)).isEqualTo(1.0);
        assertThat(FlashLabel.ringAlpha(TreeCanvas.FLASH_MS / 2)).isLessThan(1.0);
        assertThat(FlashLabel.labelAlpha(TreeCanvas.FLASH_MS)).isZero();
    }

    @Test
    void contrast_follows_wcag() {
        assertThat(FlashLabel.contrast(Color.BLACK, Color.WHITE)).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(FlashLabel.contrast(Color.WHITE, Color.WHITE)).isEqualTo(1.0);
    }
}
