package dev.canopy.app.ui.sim;

import java.util.function.Consumer;

import dev.canopy.app.ui.render.FramePump;
import dev.canopy.app.ui.render.CollapseItem;
import dev.canopy.app.ui.render.TreeCanvas;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.render.Theme;
import dev.canopy.diagrams.sim.SimInput;
import javafx.geometry.Orientation;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * A running design: the toolbar, the tree coloured by live state, the timeline and the log.
 * Once per pulse its frame task (first in the {@link FramePump}) lets the view model advance
 * time and take the latest snapshot, then hands the changes to the canvas: a new tree when the
 * structure changed, otherwise a restyle, and a flash for each exit.
 */
public final class SimulatorView extends BorderPane {
    /** New exit flashes per update (one update per frame at most). */
    static final int MAX_FLASHES_PER_UPDATE = 6;
    private final SimulatorViewModel vm;
    private final TreeCanvas canvas = new TreeCanvas();
    private final TimelineView timeline;
    /** The network above the lanes of a cluster run; null for a single node. */
    private final ClusterStrip clusterStrip;
    private final FramePump.Task pull;
    private ContextMenu menu;
    private Consumer<SimInput> compare;
    private int shownNotices;

    public SimulatorView(SimulatorViewModel vm) {
        this.vm = vm;
        setId("simulator-view");
        getStyleClass().add("simulator-view");
        canvas.setId("sim-canvas");
        timeline = new TimelineView(vm);
        pull = FramePump.Task.named("sim-pull", vm::frame);
        vm.canvasUpdateProperty().addListener((o, a, u) -> apply(u));
        canvas.selectedKeyProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedPathProperty().set(b);
        });
        vm.selectedPathProperty().addListener((o, a, b) -> {
            canvas.selectedKeyProperty().set(b);
            if (b != null) canvas.screenRect(b).ifPresent(r -> {
                if (r.getMaxX() < 0 || r.getMinX() > canvas.getWidth() || r.getMaxY() < 0 || r.getMinY() > canvas.getHeight()) {
                    canvas.centreOn(b);
                }
            });
        });
        canvas.setOnNodeMenu(req -> {
            if (menu != null) menu.hide();
            menu = FaultMenu.forNode(vm, req.key(), compare);
            CollapseItem.add(menu, canvas, req.key());
            menu.show(canvas, req.screenX(), req.screenY());
        });
        Label status = new Label();
        status.setId("sim-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("sim-status");
        SimLogView log = new SimLogView(vm);
        VBox bottom = new VBox(timeline, log);
        clusterStrip = vm.clusterNodes().isEmpty() ? null : new ClusterStrip(vm);
        javafx.scene.Node top = canvas;
        if (clusterStrip != null) {
            BorderPane withNetwork = new BorderPane(canvas);
            withNetwork.setTop(clusterStrip);
            top = withNetwork;
        }
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        // No background, not even the theme's transparent one: Prism repaints every background
        // behind a changed area, the tree canvas changes every frame, and the software pipeline
        // blends a transparent fill pixel by pixel over the whole canvas (half the render
        // thread's time under a restart storm). Set in code, so the theme cannot override it.
        split.setBackground(null);
        setTop(new SimulatorToolbar(vm));
        setCenter(split);
        setBottom(status);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                vm.togglePlay();
                e.consume();
            }
        });
        sceneProperty().addListener((o, was, now) -> {
            if (now != null && !vm.closedProperty().get()) FramePump.get().addFirst(pull); else FramePump.get().remove(pull);
        });
        // Closing the simulation stops its frames before its engine (the tab may leave the scene later).
        vm.closedProperty().addListener((o, was, isClosed) -> {
            if (isClosed) FramePump.get().remove(pull);
        });
        if (vm.canvasUpdateProperty().get() != null) apply(vm.canvasUpdateProperty().get());
        vm.noticeProperty().addListener((o, was, n) -> {
            if (n != null && getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) notify(n);
        });
    }

    /** A ControlsFX notification in the window's corner: seen even when the log is scrolled away. */
    private void notify(RunNotice n) {
        var note = org.controlsfx.control.Notifications.create()
                .title(n.title())
                .text(n.text())
                .owner(this)
                .hideAfter(javafx.util.Duration.seconds(6))
                .position(javafx.geometry.Pos.TOP_RIGHT);
        if (n.ended()) note.showInformation(); else note.showWarning();
        shownNotices++;
    }

    /** How many notifications this view has shown (for tests). */
    public int shownNotices() {
        return shownNotices;
    }

    /** Called with a fault the user wants compared across strategies. */
    public void setOnCompare(Consumer<SimInput> handler) {
        compare = handler;
    }

    /** Compares the strategies for this fault, as the fault menu's "Compare strategies" does. */
    public void requestCompare(SimInput fault) {
        if (compare != null) compare.accept(fault);
    }

    public void setTheme(Theme theme) {
        canvas.setTheme(theme);
        timeline.setTheme(theme);
        if (clusterStrip != null) clusterStrip.setTheme(theme);
    }

    public TreeCanvas canvas() {
        return canvas;
    }

    public SimulatorViewModel viewModel() {
        return vm;
    }

    /**
     * The exits of one update that flash: a storm brings more exits per frame than anyone can
     * read (the state colours still show every one), so {@link #MAX_FLASHES_PER_UPDATE} of them
     * flash, spread evenly over the update's exits (they come in tree order, so the last few would
     * always be the same corner of the tree), and every supervisor that gave up.
     */
    static java.util.List<SimVisualMapper.Exit> flashed(java.util.List<SimVisualMapper.Exit> exits) {
        int n = exits.size();
        if (n <= MAX_FLASHES_PER_UPDATE) return exits;
        java.util.List<SimVisualMapper.Exit> out = new java.util.ArrayList<>();
        int next = 0; // the k-th pick is at k * n / MAX
        int k = 0;
        for (int i = 0; i < n; i++) {
            boolean picked = i == next;
            if (picked) next = (int) ((long) ++k * n / MAX_FLASHES_PER_UPDATE);
            if (picked || exits.get(i).gaveUp()) out.add(exits.get(i));
        }
        return out;
    }

    private void apply(SimVisualMapper.Update u) {
        if (u == null) return;
        if (u.tree().isPresent()) {
            canvas.setTree(u.tree().get(), u.visuals());
        } else {
            canvas.restyle(u.visuals());
        }
        for (SimVisualMapper.Exit e : flashed(u.exits())) {
            canvas.flash(e.path(), e.reason(), e.gaveUp() ? StyleToken.STATE_GAVE_UP : StyleToken.STATE_RESTARTING);
        }
    }
}
