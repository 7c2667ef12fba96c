package dev.canopy.diagrams.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.layout.LayoutOptions;
import dev.canopy.diagrams.layout.TreeLayout;

/** Rasterising without a window. */
class PngRendererTest {

    @Test
    void writes_a_png_of_the_list_size_headless() throws Exception {
        SampleTree t = SampleTree.build();
        Layout layout = TreeLayout.layout(t.tree(), LayoutOptions.defaults());
        DisplayList list = DisplayListBuilder.build(layout, t.visuals(), Viewport.whole(layout.bounds(), 16));
        byte[] png = PngRenderer.png(list, Theme.light());
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo((int) list.widthPx());
        assertThat(image.getHeight()).isEqualTo((int) list.heightPx());
    }

    @Test
    void paints_token_colours_where_the_shapes_are() {
        DisplayList list = new DisplayList(40, 20, List.of(
                new Layer(LayerName.BODIES, List.of(new Rect(20, 0, 20, 20, StyleToken.STATE_GAVE_UP, "x")))));
        BufferedImage image = PngRenderer.rasterize(list, Theme.dark());
        assertThat(image.getRGB(5, 10) & 0xffffff).isEqualTo(Theme.dark().style(StyleToken.BACKGROUND).primary().toInt());
        assertThat(image.getRGB(30, 10) & 0xffffff).isEqualTo(Theme.dark().style(StyleToken.STATE_GAVE_UP).primary().toInt());
    }
}
