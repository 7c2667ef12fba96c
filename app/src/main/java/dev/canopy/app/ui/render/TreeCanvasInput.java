package dev.canopy.app.ui.render;

import java.util.Optional;
import java.util.function.Consumer;

import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The mouse and keyboard of a {@link TreeCanvas}: wheel zoom around the cursor, drag to pan on
 * the background, click to select, double-click to centre (Alt+double-click collapses or
 * expands), right-click for a node menu, jumps from the mini-map, and F (fit), C (collapse or
 * expand the selected node) and + / − keys. FX thread only (event handlers).
 */
final class TreeCanvasInput {
    private final TreeCanvas owner;
    private double pressX;
    private double pressY;
    private boolean panning;
    private Consumer<TreeCanvas.NodeMenuRequest> onNodeMenu = r -> { };

    TreeCanvasInput(TreeCanvas owner) {
        this.owner = owner;
    }

    void setOnNodeMenu(Consumer<TreeCanvas.NodeMenuRequest> handler) {
        onNodeMenu = handler == null ? r -> { } : handler;
    }

    void wire(Canvas canvas, Canvas miniMap) {
        owner.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0) return;
            owner.zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
            e.consume();
        });
        canvas.setOnMousePressed(e -> {
            owner.requestFocus();
            pressX = e.getX();
            pressY = e.getY();
            panning = e.getButton() == MouseButton.MIDDLE
                    || (e.getButton() == MouseButton.PRIMARY && owner.hitTest(e.getX(), e.getY()).isEmpty());
        });
        canvas.setOnMouseDragged(e -> {
            if (!panning) return;
            owner.panBy(e.getX() - pressX, e.getY() - pressY);
            pressX = e.getX();
            pressY = e.getY();
        });
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) return;
            Optional<String> hit = owner.hitTest(e.getX(), e.getY());
            if (hit.isPresent()) {
                owner.selectedKeyProperty().set(hit.get());
                if (e.getClickCount() == 2 && e.isAltDown()) owner.toggleCollapsed(hit.get());
                else if (e.getClickCount() == 2) owner.centreOn(hit.get());
            } else if (e.getClickCount() == 1) {
                owner.selectedKeyProperty().set(null);
            }
        });
        canvas.setOnContextMenuRequested(e -> owner.hitTest(e.getX(), e.getY()).ifPresent(k -> {
            owner.selectedKeyProperty().set(k);
            onNodeMenu.accept(new TreeCanvas.NodeMenuRequest(k, e.getScreenX(), e.getScreenY()));
            e.consume();
        }));
        // a label shortened on screen shows whole in a tooltip over its node
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(canvas, owner.hitTest(e.getX(), e.getY()).flatMap(owner::hoverText)));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(canvas, Optional.empty()));
        miniMap.addEventHandler(MouseEvent.MOUSE_PRESSED, this::jumpFromMiniMap);
        miniMap.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::jumpFromMiniMap);
        owner.setOnKeyPressed(e -> {
            if (e.isShortcutDown() || e.isAltDown()) return;
            switch (e.getCode()) {
                case F -> owner.fit();
                case C -> {
                    String k = owner.selectedKeyProperty().get();
                    if (k != null) owner.toggleCollapsed(k);
                }
                case PLUS, EQUALS, ADD -> owner.zoomAt(1.25, owner.getWidth() / 2, owner.getHeight() / 2);
                case MINUS, SUBTRACT -> owner.zoomAt(0.8, owner.getWidth() / 2, owner.getHeight() / 2);
                default -> { }
            }
        });
    }

    private final javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip();
    private boolean tooltipInstalled;

    private void hover(Canvas canvas, Optional<String> text) {
        if (text.isPresent()) {
            tooltip.setText(text.get());
            if (!tooltipInstalled) javafx.scene.control.Tooltip.install(canvas, tooltip);
            tooltipInstalled = true;
        } else if (tooltipInstalled) {
            javafx.scene.control.Tooltip.uninstall(canvas, tooltip);
            tooltipInstalled = false;
        }
    }

    /** The tooltip's text while one is shown over a node (for tests), else empty. */
    Optional<String> tooltipText() {
        return tooltipInstalled ? Optional.of(tooltip.getText()) : Optional.empty();
    }

    private void jumpFromMiniMap(MouseEvent e) {
        if (owner.jumpFromMiniMap(e.getX(), e.getY())) e.consume();
    }
}
