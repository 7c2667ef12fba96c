package dev.canopy.app.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.render.CanvasRenderer;
import dev.canopy.diagrams.layout.Bounds;
import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.layout.LayoutOptions;
import dev.canopy.diagrams.layout.TreeLayout;
import dev.canopy.diagrams.render.DisplayList;
import dev.canopy.diagrams.render.DisplayListBuilder;
import dev.canopy.diagrams.render.RenderOptions;
import dev.canopy.diagrams.render.SyntheticDiagram;
import dev.canopy.diagrams.render.Theme;
import dev.canopy.diagrams.render.Viewport;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;

/**
 * {@code canopy bench canvas}: frames of the JavaFX canvas backend ({@link CanvasRenderer}), on
 * the FX thread, software pipeline ({@code -Dprism.order=sw}).
 * <ul>
 * <li>{@code _10k_full}: every node of a seeded 10k tree at the lowest full-detail zoom (boxes,
 * text, badges, gauges); the tree is far wider than a canvas can be, so, as in
 * {@code bench render}, it is drawn as 4096-px pages, each from its own culled display list, all
 * into one canvas cleared once. Target 16 ms.
 * <li>{@code _100k_fit}: a 100k tree fitted to 1600 × 1000. Target 33 ms.
 * <li>{@code _10k_screen}: a 1600 × 1000 window at zoom 1 over the 10k tree: a typical frame.
 * <li>{@code _flat_10k_*} and {@code _flat_100k_fit}: one DynamicSupervisor with 10k (100k)
 * sessions, wrapped into a grid: the whole grid fitted to the window ({@code _fit}, every
 * session on screen; target 16 ms for 10k, 33 ms for 100k), a window at zoom 1 over its middle
 * ({@code _screen}), and the whole grid at the lowest full-detail zoom ({@code _full}, pages).
 * </ul>
 * Each figure is a whole frame: display list built, canvas commands issued, and the canvas
 * rasterised (forced by a 1-pixel snapshot, which renders the canvas's pending commands without
 * reading back the frame). {@code _cmds} figures are the FX-thread part alone (build + commands),
 * what a pulse costs the FX thread before Prism rasterises on its render thread.
 * 3 warm-up + 11 rounds; median, {@code _min} and {@code _max}.
 * <p>
 * Needs a display: without DISPLAY it runs itself again under {@code xvfb-run}.
 */
public final class CanvasBench implements Bench {
    static final int SCREEN_W = 1600;
    static final int SCREEN_H = 1000;
    static final int PAGE_W = 4096;
    static final long SEED = 42;

    private final String prefix;
    private final int small;
    private final int large;
    private final int warm;
    private final int reps;

    public CanvasBench() {
        this("canopy", 10_000, 100_000, 3, 11);
    }

    CanvasBench(String prefix, int small, int large, int warm, int reps) {
        this.prefix = prefix;
        this.small = small;
        this.large = large;
        this.warm = warm;
        this.reps = reps;
    }

    @Override
    public String name() {
        return "canvas";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        if (!FxBench.ensureDisplay(name(), out)) return;
        FxBench.startFx();
        Theme theme = Theme.light();
        SyntheticDiagram d10k = SyntheticDiagram.generate(small, SEED);
        Layout l10k = TreeLayout.layout(d10k.tree(), LayoutOptions.defaults());
        SyntheticDiagram d100k = SyntheticDiagram.generate(large, SEED);
        Layout l100k = TreeLayout.layout(d100k.tree(), LayoutOptions.defaults());
        String s = LayoutBench.label(small);
        String l = LayoutBench.label(large);

        // full detail: pages of the whole tree at the lowest full-detail zoom
        Bounds b = l10k.bounds();
        double full = RenderOptions.defaults().fullDetailMinScale();
        double allW = Math.ceil(b.width() * full);
        double allH = Math.ceil(b.height() * full);
        List<Viewport> pages = new ArrayList<>();
        for (double x = 0; x < allW; x += PAGE_W) {
            pages.add(new Viewport(b.minX() + x / full, b.minY(), PAGE_W, allH, full));
        }
        Canvas page = FxBench.onFx(() -> new Canvas(Math.min(PAGE_W, allW), allH));
        frames(out, "_" + s + "_full", page, theme, () -> {
            List<DisplayList> lists = new ArrayList<>(pages.size());
            for (Viewport vp : pages) lists.add(DisplayListBuilder.build(l10k, d10k.visuals(), vp));
            return lists;
        });
        Stats.line(out, prefix + "_canvas_" + s + "_full_pages", pages.size(), "pages");

        Canvas screen = FxBench.onFx(() -> new Canvas(SCREEN_W, SCREEN_H));
        Viewport fit = Viewport.fit(l100k.bounds(), SCREEN_W, SCREEN_H, 16);
        frames(out, "_" + l + "_fit", screen, theme, () -> List.of(DisplayListBuilder.build(l100k, d100k.visuals(), fit)));

        int root = l10k.tree().root();
        Viewport window = new Viewport(l10k.x(root) - SCREEN_W / 2.0, -16, SCREEN_W, SCREEN_H, 1);
        frames(out, "_" + s + "_screen", screen, theme, () -> List.of(DisplayListBuilder.build(l10k, d10k.visuals(), window)));

        flat(out, small, theme, screen, true);
        flat(out, large, theme, screen, false);
    }

    /** The flat tree's frames: fitted, and for the smaller one a window at zoom 1 and full-detail pages. */
    private void flat(PrintStream out, int children, Theme theme, Canvas screen, boolean detail) throws Exception {
        SyntheticDiagram d = SyntheticDiagram.flat(children, SEED);
        Layout layout = TreeLayout.layout(d.tree(), LayoutOptions.defaults());
        String name = "_flat_" + LayoutBench.label(children);
        Viewport fit = Viewport.fit(layout.bounds(), SCREEN_W, SCREEN_H, 16);
        frames(out, name + "_fit", screen, theme, () -> List.of(DisplayListBuilder.build(layout, d.visuals(), fit)));
        if (!detail) return;
        Bounds b = layout.bounds();
        Viewport middle = new Viewport(b.minX() + b.width() / 2 - SCREEN_W / 2.0, b.minY() + b.height() / 2 - SCREEN_H / 2.0,
                SCREEN_W, SCREEN_H, 1);
        frames(out, name + "_screen", screen, theme, () -> List.of(DisplayListBuilder.build(layout, d.visuals(), middle)));
        double full = RenderOptions.defaults().fullDetailMinScale();
        double allW = Math.ceil(b.width() * full);
        double allH = Math.ceil(b.height() * full);
        List<Viewport> pages = new ArrayList<>();
        for (double x = 0; x < allW; x += PAGE_W) pages.add(new Viewport(b.minX() + x / full, b.minY(), PAGE_W, allH, full));
        Canvas page = FxBench.onFx(() -> new Canvas(Math.min(PAGE_W, allW), allH));
        frames(out, name + "_full", page, theme, () -> {
            List<DisplayList> lists = new ArrayList<>(pages.size());
            for (Viewport vp : pages) lists.add(DisplayListBuilder.build(layout, d.visuals(), vp));
            return lists;
        });
        Stats.line(out, prefix + "_canvas" + name + "_full_pages", pages.size(), "pages");
    }

    private void frames(PrintStream out, String name, Canvas canvas, Theme theme, Callable<List<DisplayList>> build)
            throws Exception {
        List<Double> whole = new ArrayList<>();
        List<Double> cmds = new ArrayList<>();
        SnapshotParameters onePixel = new SnapshotParameters();
        onePixel.setViewport(new Rectangle2D(0, 0, 1, 1));
        WritableImage pixel = FxBench.onFx(() -> new WritableImage(1, 1));
        for (int i = 0; i < warm + reps; i++) {
            double[] r = FxBench.onFx(() -> {
                long t0 = System.nanoTime();
                List<DisplayList> lists = build.call();
                var g = canvas.getGraphicsContext2D();
                CanvasRenderer.draw(g, lists.getFirst(), theme);
                for (DisplayList list : lists.subList(1, lists.size())) CanvasRenderer.drawOver(g, list, theme);
                long t1 = System.nanoTime();
                canvas.snapshot(onePixel, pixel);
                long t2 = System.nanoTime();
                return new double[] {(t2 - t0) / 1e6, (t1 - t0) / 1e6};
            });
            if (i >= warm) {
                whole.add(r[0]);
                cmds.add(r[1]);
            }
        }
        Stats.report(out, prefix + "_canvas" + name + "_ms", whole, "ms");
        Stats.report(out, prefix + "_canvas" + name + "_cmds_ms", cmds, "ms");
    }

    /** Starting JavaFX for a benchmark, on a display or under xvfb-run. */
    static final class FxBench {
        private FxBench() {
        }

        private static boolean started;

        /**
         * True when there is a display; otherwise runs {@code canopy bench NAME} again under
         * xvfb-run, copies its output, and returns false.
         */
        static boolean ensureDisplay(String bench, PrintStream out) throws IOException, InterruptedException {
            String d = System.getenv("DISPLAY");
            String w = System.getenv("WAYLAND_DISPLAY");
            if ((d != null && !d.isBlank()) || (w != null && !w.isBlank())
                    || "Monocle".equals(System.getProperty("glass.platform"))) {
                return true;
            }
            Path xvfbRun = findOnPath("xvfb-run");
            if (xvfbRun == null) {
                throw new IllegalStateException("bench " + bench + " needs a display: DISPLAY is not set and xvfb-run is not"
                        + " installed (apt-get install xvfb)");
            }
            List<String> cmd = new ArrayList<>(List.of(xvfbRun.toString(), "-a", "-s", "-screen 0 1920x1200x24"));
            List<String> app = StartupBench.appCommand();
            if (app.size() > 1 && System.getProperty("prism.order") == null) app.add(1, "-Dprism.order=sw");
            cmd.addAll(app);
            cmd.add("bench");
            cmd.add(bench);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
            String opts = System.getenv().getOrDefault("CANOPY_JAVA_OPTS", "");
            if (!opts.contains("prism.order")) pb.environment().put("CANOPY_JAVA_OPTS", (opts + " -Dprism.order=sw").strip());
            Process p = pb.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) out.println(line);
            }
            out.flush();
            int status = p.waitFor();
            if (status != 0) throw new IllegalStateException("bench " + bench + " under xvfb-run failed (exit status " + status + ")");
            return false;
        }

        static synchronized void startFx() throws InterruptedException {
            if (started) return;
            if (System.getProperty("prism.order") == null) System.setProperty("prism.order", "sw");
            CountDownLatch up = new CountDownLatch(1);
            try {
                Platform.startup(up::countDown);
            } catch (IllegalStateException alreadyRunning) {
                up.countDown();
            }
            Platform.setImplicitExit(false);
            if (!up.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("JavaFX did not start");
            started = true;
        }

        /** Runs work on the FX thread and waits for its result. */
        static <T> T onFx(Callable<T> work) throws Exception {
            if (Platform.isFxApplicationThread()) return work.call();
            FutureTask<T> task = new FutureTask<>(work);
            Platform.runLater(task);
            try {
                return task.get(300, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Exception ex) throw ex;
                throw e;
            }
        }

        private static Path findOnPath(String exe) {
            String path = System.getenv("PATH");
            if (path == null) return null;
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, exe);
                if (Files.isExecutable(p)) return p;
            }
            return null;
        }
    }
}
