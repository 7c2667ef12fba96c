package dev.canopy.diagrams.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.layout.LayoutOptions;
import dev.canopy.diagrams.layout.Orientation;
import dev.canopy.diagrams.layout.TreeLayout;

/**
 * Writes sample exports to diagrams/target/render-samples/ for a person to look at: the small
 * tree in both orientations and themes, and a 10k-node tree whole, fitted and zoomed in.
 */
class SampleImagesTest {
    private static final Path OUT = Path.of("target", "render-samples");

    @Test
    void writes_small_tree_samples() throws IOException {
        SampleTree t = SampleTree.build();
        for (Orientation o : Orientation.values()) {
            Layout layout = TreeLayout.layout(t.tree(), LayoutOptions.defaults().withOrientation(o));
            DisplayList list = DisplayListBuilder.build(layout, t.visuals(), Viewport.whole(layout.bounds(), 24));
            String name = "small-" + o.name().toLowerCase(java.util.Locale.ROOT);
            write(name + "-light", list, Theme.light());
            write(name + "-dark", list, Theme.dark());
        }
    }

    @Test
    void writes_10k_samples() throws IOException {
        SyntheticDiagram d = SyntheticDiagram.generate(10_000, 42);
        Layout layout = TreeLayout.layout(d.tree(), LayoutOptions.defaults());
        write("10k-fit", DisplayListBuilder.build(layout, d.visuals(), Viewport.fit(layout.bounds(), 1600, 1000, 16)),
                Theme.light());
        double rootX = layout.x(layout.tree().root());
        write("10k-zoom-1", DisplayListBuilder.build(layout, d.visuals(),
                new Viewport(rootX - 700, -20, 1600, 1000, 1)), Theme.light());
        write("10k-zoom-0.3", DisplayListBuilder.build(layout, d.visuals(),
                new Viewport(rootX - 2500, -20, 1600, 1000, 0.3)), Theme.dark());
        int services = layout.indexOf("services_sup");
        double servicesX = layout.x(services);
        for (double scale : new double[] {0.15, 0.03}) {
            write("10k-services-" + scale, DisplayListBuilder.build(layout, d.visuals(),
                    new Viewport(servicesX - 800 / scale, -20, 1600, 1000, scale)), Theme.light());
        }
    }

    private static void write(String name, DisplayList list, Theme theme) throws IOException {
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name + ".png"), PngRenderer.png(list, theme));
        Files.writeString(OUT.resolve(name + ".svg"), SvgWriter.write(list, theme), StandardCharsets.UTF_8);
        assertThat(OUT.resolve(name + ".png")).exists();
    }
}
