package dev.canopy.app.ui.log;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Makes a log list follow its newest line, as a terminal does, unless the person scrolled up to
 * read: then it stays put until they scroll back to the bottom. Only the person's own scrolling
 * (wheel, scroll bar, keys) changes whether it follows; new lines never do.
 */
public final class FollowTail {
    private final ListView<?> list;
    private final BooleanProperty following = new SimpleBooleanProperty(this, "following", true);
    private boolean scrollQueued;

    private FollowTail(ListView<?> list) {
        this.list = list;
    }

    public static FollowTail install(ListView<?> list) {
        FollowTail f = new FollowTail(list);
        // Later in the pulse: the list's skin must have seen the new lines first.
        ListChangeListener<Object> onChange = c -> {
            if (f.following.get() && !f.scrollQueued) {
                f.scrollQueued = true;
                Platform.runLater(f::scrollToEnd);
            }
        };
        list.getItems().addListener(onChange);
        list.itemsProperty().addListener((o, a, b) -> {
            if (a != null) a.removeListener(onChange);
            if (b != null) b.addListener(onChange);
        });
        // After the list has handled the person's scrolling, see where it ended up.
        list.addEventFilter(ScrollEvent.SCROLL, e -> Platform.runLater(f::recheck));
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(f::recheck));
        list.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> Platform.runLater(f::recheck));
        list.addEventFilter(KeyEvent.KEY_RELEASED, e -> Platform.runLater(f::recheck));
        return f;
    }

    /** True while the list keeps its newest line in view. */
    public BooleanProperty followingProperty() {
        return following;
    }

    private void scrollToEnd() {
        scrollQueued = false;
        if (!following.get()) return;
        int n = list.getItems().size();
        if (n == 0) return;
        // The flow's own scrollTo brings the cell fully into view at the bottom (ListView's puts it at the top).
        list.layout(); // lets the flow take in the new cell count first
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) flow.scrollTo(n - 1); else list.scrollTo(n - 1);
    }

    private void recheck() {
        list.layout(); // the flow has moved to where the person scrolled
        following.set(atBottom());
    }

    private boolean atBottom() {
        int n = list.getItems().size();
        if (n == 0) return true;
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) return true;
        var last = flow.getLastVisibleCell();
        return last == null || last.getIndex() >= n - 1;
    }
}
