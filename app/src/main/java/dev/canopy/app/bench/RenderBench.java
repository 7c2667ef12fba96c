package dev.canopy.app.bench;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import dev.canopy.diagrams.layout.Bounds;
import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.layout.LayoutOptions;
import dev.canopy.diagrams.layout.TreeLayout;
import dev.canopy.diagrams.render.DisplayList;
import dev.canopy.diagrams.render.DisplayListBuilder;
import dev.canopy.diagrams.render.PngRenderer;
import dev.canopy.diagrams.render.RenderOptions;
import dev.canopy.diagrams.render.SyntheticDiagram;
import dev.canopy.diagrams.render.Theme;
import dev.canopy.diagrams.render.Viewport;

/**
 * Benchmark {@code render}: building display lists and rasterising them with java.awt (headless),
 * a stand-in for the app's canvas.
 * <ul>
 * <li>{@code _10k_full}: all 10k nodes of a seeded tree at full detail (boxes, text, badges), at
 * the lowest full-detail zoom. The tree is far wider than any screen, so rasterising draws it
 * as 4096-px-wide pages, each from its own culled display list, all over one image cleared
 * once: every node is drawn once and no time goes into clearing empty pages. Target for a
 * frame: at most 16 ms.
 * <li>{@code _100k_fit}: a 100k-node tree fitted to a 1600 × 1000 window. Target: 33 ms.
 * <li>{@code _10k_screen}: one 1600 × 1000 window at zoom 1 over the 10k tree, a typical frame.
 * </ul>
 * 5 warm-up + 15 rounds for lists, 3 + 7 for rasterising; median, {@code _min} and {@code _max}.
 */
public final class RenderBench implements Bench {
    static final int SCREEN_W = 1600;
    static final int SCREEN_H = 1000;
    static final int PAGE_W = 4096;
    static final long SEED = 42;

    private final String prefix;
    private final int small;
    private final int large;
    private final int warm;
    private final int reps;

    public RenderBench() {
        this("canopy", 10_000, 100_000, 5, 15);
    }

    RenderBench(String prefix, int small, int large, int warm, int reps) {
        this.prefix = prefix;
        this.small = small;
        this.large = large;
        this.warm = warm;
        this.reps = reps;
    }

    @Override
    public String name() {
        return "render";
    }

    /** A tree, its layout and its live state. */
    private record Scene(SyntheticDiagram diagram, Layout layout) {
        static Scene of(int nodes) {
            SyntheticDiagram d = SyntheticDiagram.generate(nodes, SEED);
            return new Scene(d, TreeLayout.layout(d.tree(), LayoutOptions.defaults()));
        }

        DisplayList build(Viewport vp) {
            return DisplayListBuilder.build(layout, diagram.visuals(), vp);
        }
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Theme theme = Theme.light();
        Scene small10k = Scene.of(small);
        Scene large100k = Scene.of(large);
        String s = LayoutBench.label(small);
        String l = LayoutBench.label(large);

        Bounds b = small10k.layout().bounds();
        double fullScale = RenderOptions.defaults().fullDetailMinScale();
        Viewport all = new Viewport(b.minX(), b.minY(), Math.ceil(b.width() * fullScale), Math.ceil(b.height() * fullScale),
                fullScale);
        listBench(out, "_displaylist_" + s + "_full", small10k, all);
        List<DisplayList> pages = pages(small10k, all);
        BufferedImage page = new BufferedImage(PAGE_W, (int) all.heightPx(), BufferedImage.TYPE_INT_RGB);
        rasterBench(out, "_png_" + s + "_full", pages, theme, page);
        Stats.line(out, prefix + "_png_" + s + "_full_pages", pages.size(), "pages");

        Viewport fit = Viewport.fit(large100k.layout().bounds(), SCREEN_W, SCREEN_H, 16);
        listBench(out, "_displaylist_" + l + "_fit", large100k, fit);
        BufferedImage screen = new BufferedImage(SCREEN_W, SCREEN_H, BufferedImage.TYPE_INT_RGB);
        rasterBench(out, "_png_" + l + "_fit", List.of(large100k.build(fit)), theme, screen);

        int root = small10k.layout().tree().root();
        Viewport window = new Viewport(small10k.layout().x(root) - SCREEN_W / 2.0, -16, SCREEN_W, SCREEN_H, 1);
        listBench(out, "_displaylist_" + s + "_screen", small10k, window);
        rasterBench(out, "_png_" + s + "_screen", List.of(small10k.build(window)), theme, screen);
    }

    private void listBench(PrintStream out, String name, Scene scene, Viewport vp) throws Exception {
        List<Double> ms = Driver.rounds(warm, reps, () -> {
            long start = System.nanoTime();
            scene.build(vp);
            return (System.nanoTime() - start) / 1e6;
        });
        Stats.report(out, prefix + name + "_ms", ms, "ms");
        Stats.line(out, prefix + name + "_shapes", scene.build(vp).shapeCount(), "shapes");
    }

    private void rasterBench(PrintStream out, String name, List<DisplayList> lists, Theme theme, BufferedImage into)
            throws Exception {
        List<Double> ms = Driver.rounds(Math.min(warm, 3), Math.min(reps, 7), () -> {
            long start = System.nanoTime();
            PngRenderer.drawInto(lists.getFirst(), theme, into);
            for (DisplayList list : lists.subList(1, lists.size())) PngRenderer.drawOver(list, theme, into);
            return (System.nanoTime() - start) / 1e6;
        });
        Stats.report(out, prefix + name + "_ms", ms, "ms");
    }

    /** The full-detail viewport cut into page-wide viewports, each with its own culled list. */
    private static List<DisplayList> pages(Scene scene, Viewport all) {
        List<DisplayList> pages = new ArrayList<>();
        for (double x = 0; x < all.widthPx(); x += PAGE_W) {
            Viewport vp = new Viewport(all.x() + x / all.scale(), all.y(), PAGE_W, all.heightPx(), all.scale());
            pages.add(scene.build(vp));
        }
        return pages;
    }
}
