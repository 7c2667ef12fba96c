package dev.canopy.app.ui.sim;

import dev.canopy.app.ui.render.CanvasRenderer;
import dev.canopy.app.ui.render.FramePump;
import dev.canopy.app.ui.time.Ticker;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.render.Theme;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.TimedInput;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The run as a horizontal strip: a tick per event (coloured by what happened), the inputs
 * highlighted as tall marks, the part of the branch after a rewind shaded (it is dropped if the
 * run continues from there), and a scrub handle at the current virtual time. Dragging the handle
 * (or clicking the strip) scrubs: the run is replayed up to that time on the simulator's thread.
 */
public final class TimelineView extends Region {
    static final double HEIGHT = 46;
    private final SimulatorViewModel vm;
    private final Canvas canvas = new Canvas();
    private final FramePump.Task task = FramePump.Task.named("timeline", now -> redrawIfDirty());
    private Theme theme = Theme.light();
    private final Ticker ticker;
    private boolean dirty = true;
    /** When the last frame was drawn; empty until the first (a ticker may start anywhere, even at 0). */
    private boolean drawnOnce;
    private long drawnAt;
    /** Only the handle moved or events arrived: at most 10 redraws a second. */
    static final long MIN_REDRAW_NANOS = 100_000_000L;

    public TimelineView(SimulatorViewModel vm) {
        this(vm, Ticker.system());
    }

    TimelineView(SimulatorViewModel vm, Ticker ticker) {
        this.vm = vm;
        this.ticker = ticker;
        setId("sim-timeline");
        getStyleClass().add("sim-timeline");
        getChildren().add(canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        Tooltip.install(this, new Tooltip("Drag to scrub through the run: it is replayed up to that time"));
        vm.events().addListener((ListChangeListener<SimEvent>) c -> dirty = true);
        vm.inputs().addListener((ListChangeListener<TimedInput>) c -> dirty = true);
        vm.nowMsProperty().addListener((o, a, b) -> dirty = true);
        vm.branchEndMsProperty().addListener((o, a, b) -> dirty = true);
        vm.scrubbedAtMsProperty().addListener((o, a, b) -> dirty = true);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::scrub);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::scrub);
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) FramePump.get().add(task); else FramePump.get().remove(task);
        });
    }

    public void setTheme(Theme t) {
        theme = t;
        dirty = true;
    }

    private void scrub(MouseEvent e) {
        double w = getWidth() - 2 * pad();
        if (w <= 0) return;
        TimelineModel m = vm.timeline();
        vm.scrubTo(m.timeAt((e.getX() - pad()) / w));
        e.consume();
    }

    private static double pad() {
        return 10;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            dirty = true;
        }
    }

    /** Redraws if something changed (while playing at most every {@link #MIN_REDRAW_NANOS}); true if it drew. */
    boolean redrawIfDirty() {
        if (!dirty) return false;
        long t = ticker.nanos();
        if (drawnOnce && vm.playingProperty().get() && t - drawnAt < MIN_REDRAW_NANOS) return false;
        drawnOnce = true;
        drawnAt = t;
        dirty = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) return true;
        GraphicsContext g = canvas.getGraphicsContext2D();
        TimelineModel m = vm.timeline();
        double x0 = pad();
        double span = w - 2 * pad();
        g.setFill(CanvasRenderer.color(theme, StyleToken.BACKGROUND));
        g.fillRect(0, 0, w, h);
        double mid = h / 2 + 4;
        // the strip
        g.setFill(CanvasRenderer.color(theme, StyleToken.GAUGE_TRACK));
        g.fillRect(x0, mid - 1, span, 2);
        if (m.scrubbedAtMs() >= 0) {
            double sx = x0 + m.position(m.scrubbedAtMs()) * span;
            g.setGlobalAlpha(0.25);
            g.setFill(CanvasRenderer.color(theme, StyleToken.STATE_EXITED));
            g.fillRect(sx, 6, x0 + span - sx, h - 12);
            g.setGlobalAlpha(1);
        }
        // events bucketed per pixel column, the most serious kind wins: cost is bounded by the width
        int cols = (int) Math.ceil(span) + 1;
        SimEvent.Kind[] column = new SimEvent.Kind[cols];
        for (SimEvent e : m.events()) {
            if (e.kind() == SimEvent.Kind.INPUT) continue;
            int c = (int) (m.position(e.atMs()) * span);
            if (c < 0 || c >= cols) continue;
            if (column[c] == null || severity(e.kind()) > severity(column[c])) column[c] = e.kind();
        }
        // one 1-px column filled per tick, not stroked: a stroke goes through the path stroker,
        // which in the software pipeline cost tens of ms for a strip full of ticks
        SimEvent.Kind painted = null;
        for (int c = 0; c < cols; c++) {
            if (column[c] == null) continue;
            if (column[c] != painted) {
                g.setFill(eventColor(column[c]));
                painted = column[c];
            }
            g.fillRect(Math.floor(x0 + c), mid - 6, 1, 12);
        }
        // inputs: tall, highlighted; bucketed per pixel column too
        Color input = CanvasRenderer.color(theme, StyleToken.SELECTION);
        g.setFill(input);
        boolean[] marked = new boolean[cols];
        for (TimedInput in : m.inputs()) {
            int c = (int) (m.position(in.atMs()) * span);
            if (c < 0 || c >= cols || marked[c]) continue;
            marked[c] = true;
            g.fillRect(Math.floor(x0 + c) - 1, 8, 3, h - 16);
        }
        // the handle
        double hx = handleX(m, w);
        g.setFill(CanvasRenderer.color(theme, StyleToken.LABEL));
        g.fillPolygon(new double[] {hx - 6, hx + 6, hx}, new double[] {2, 2, 10}, 3);
        g.fillRect(hx - 1, 2, 2, h - 4);
        g.setFont(javafx.scene.text.Font.font(10));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(CanvasRenderer.color(theme, StyleToken.SUBLABEL));
        g.fillText(m.spanMs() + " ms", w - 4, h - 1);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("0", 2, h - 1);
        return true;
    }

    /** Where the scrub handle stands on a strip {@code width} wide: at the current time's share of the span. */
    static double handleX(TimelineModel m, double width) {
        return pad() + m.position(m.nowMs()) * (width - 2 * pad());
    }

    private static int severity(SimEvent.Kind kind) {
        return switch (kind) {
            case GAVE_UP, START_FAILED -> 5;
            case EXITED, STOPPED_BY_SUPERVISOR, AUTO_SHUTDOWN -> 4;
            case RESTARTED -> 3;
            case IGNORED -> 2;
            case STARTED, SERVER -> 1; // SERVER: a connect attempt or a timer, so a backoff shows as ticks
            case INPUT, CALL, DOMAIN, GLOBAL -> 0;
            case NETWORK -> 2;
        };
    }

    private Color eventColor(SimEvent.Kind kind) {
        StyleToken t = switch (kind) {
            case STARTED -> StyleToken.STATE_RUNNING;
            case RESTARTED -> StyleToken.STATE_RESTARTING;
            case GAVE_UP, START_FAILED -> StyleToken.STATE_GAVE_UP;
            case EXITED, STOPPED_BY_SUPERVISOR, AUTO_SHUTDOWN -> StyleToken.STATE_EXITED;
            case IGNORED -> StyleToken.STATE_IGNORED;
            case INPUT, CALL, DOMAIN, GLOBAL -> StyleToken.SELECTION;
            case SERVER -> StyleToken.STATE_RESTARTING;
            case NETWORK -> StyleToken.STATE_GAVE_UP;
        };
        return CanvasRenderer.color(theme, t);
    }
}
