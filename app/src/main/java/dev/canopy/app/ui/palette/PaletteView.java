package dev.canopy.app.ui.palette;

import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import dev.canopy.app.ui.Icons;
import dev.canopy.app.ui.canvas.DesignCanvas;
import dev.canopy.app.ui.edit.Dragged;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The left palette: a search box and the node kinds, each a drag source (double-click adds too). */
public final class PaletteView extends VBox {

    public PaletteView(PaletteViewModel vm, Consumer<PaletteItem> onActivate) {
        getStyleClass().addAll("side-panel", "palette");
        setId("palette");
        Label heading = new Label("Palette");
        heading.getStyleClass().add("panel-heading");

        TextField search = new TextField();
        search.setPromptText("Search components");
        search.textProperty().bindBidirectional(vm.filterProperty());
        FontIcon searchIcon = Icons.of(Material2OutlinedMZ.SEARCH);
        searchIcon.getStyleClass().add("search-icon");
        StackPane searchBox = new StackPane(search, searchIcon);
        StackPane.setAlignment(searchIcon, Pos.CENTER_LEFT);
        StackPane.setMargin(searchIcon, new Insets(0, 0, 0, 9));
        searchBox.getStyleClass().add("palette-search");

        ListView<PaletteItem> list = new ListView<>(vm.items());
        list.setId("palette-list");
        list.getStyleClass().addAll(Styles.DENSE, "palette-list");
        list.setCellFactory(lv -> new ItemCell(onActivate));
        list.setPlaceholder(new Label("No matching component"));
        VBox.setVgrow(list, Priority.ALWAYS);

        Label hint = new Label("Drag onto the canvas");
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "panel-hint");

        getChildren().addAll(heading, searchBox, list, hint);
    }

    private static final class ItemCell extends ListCell<PaletteItem> {
        private final FontIcon icon = new FontIcon();
        private final StackPane badge = new StackPane(icon);
        private final Label title = new Label();
        private final Label description = new Label();
        private final HBox row;

        ItemCell(Consumer<PaletteItem> onActivate) {
            badge.getStyleClass().add("kind-badge");
            title.getStyleClass().add("palette-title");
            description.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            description.setWrapText(true);
            VBox text = new VBox(1, title, description);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            row = new HBox(10, badge, text);
            row.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("palette-cell");
            setPrefWidth(0); // follow the list's width: no horizontal scroll bar
            description.setMaxWidth(Double.MAX_VALUE);
            setOnDragDetected(e -> {
                if (getItem() == null) return;
                var db = startDragAndDrop(TransferMode.COPY);
                ClipboardContent content = new ClipboardContent();
                Dragged.ofKindName(getItem().kind()).ifPresent(d -> content.put(DesignCanvas.DRAG_FORMAT, d.encode()));
                content.putString(getItem().title());
                db.setContent(content);
                db.setDragView(snapshot(null, null), e.getX(), e.getY());
                e.consume();
            });
            setOnMouseClicked(e -> {
                if (getItem() != null && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    onActivate.accept(getItem());
                }
            });
        }

        @Override
        protected void updateItem(PaletteItem item, boolean empty) {
            super.updateItem(item, empty);
            badge.getStyleClass().removeIf(s -> s.startsWith("kind-"));
            badge.getStyleClass().add("kind-badge");
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            icon.setIconCode(Icons.kind(item));
            badge.getStyleClass().add("kind-" + item.kind().replace('_', '-'));
            title.setText(item.title());
            description.setText(item.description());
            setTooltip(new Tooltip(item.title() + ": " + item.description() + "\nDrag onto the canvas, or double-click."));
            setGraphic(row);
            setText(null);
        }
    }
}
