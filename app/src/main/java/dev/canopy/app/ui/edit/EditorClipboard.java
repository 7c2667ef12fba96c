package dev.canopy.app.ui.edit;

import java.util.Optional;

import dev.canopy.diagrams.design.DesignNode;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The app's clipboard of subtrees, shared by every open design so that a copy in one tab pastes
 * in another. Holds an immutable node (copies are values; nothing to clone).
 */
public final class EditorClipboard {

    private final ObjectProperty<DesignNode> content = new SimpleObjectProperty<>(this, "content");
    private final BooleanBinding empty = Bindings.isNull(content);

    public Optional<DesignNode> content() {
        return Optional.ofNullable(content.get());
    }

    public void put(DesignNode node) {
        content.set(node);
    }

    public void clear() {
        content.set(null);
    }

    public ReadOnlyObjectProperty<DesignNode> contentProperty() {
        return content;
    }

    /** True while there is nothing to paste. */
    public BooleanBinding emptyBinding() {
        return empty;
    }
}
