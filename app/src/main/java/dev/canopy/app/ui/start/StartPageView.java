package dev.canopy.app.ui.start;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import dev.canopy.app.ui.Icons;
import dev.canopy.app.ui.canvas.TreeSketchPainter;
import dev.canopy.app.ui.theme.CanvasColors;
import dev.canopy.app.ui.theme.ThemeMode;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The start page: a welcome header, "Blank design" and "Open…" actions, the gallery of samples
 * (cards with a thumbnail of the tree) and the recent files.
 */
public final class StartPageView extends ScrollPane {

    /** What the start page's actions do (the main view model's commands). */
    public interface Actions {
        void newBlank();

        void open();

        void openSample(DesignSummary sample);

        void openRecent(RecentFile file);
    }

    /** Created on first use: the locale data behind it is not needed for the first frame. */
    private static final class When {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm")
                .withZone(ZoneId.systemDefault());
    }

    private final StartPageViewModel vm;
    private final ObservableValue<ThemeMode> theme;
    private final Actions actions;
    private final FlowPane gallery = new FlowPane();
    private final VBox recentBox = new VBox();

    public StartPageView(StartPageViewModel vm, ObservableValue<ThemeMode> theme, Actions actions) {
        this.vm = vm;
        this.theme = theme;
        this.actions = actions;
        getStyleClass().addAll("start-page", "edge-to-edge");
        setId("start-page");
        setFitToWidth(true);

        Label title = new Label("Welcome to Canopy");
        title.getStyleClass().addAll(Styles.TITLE_1, "start-title");
        Label subtitle = new Label("Design, lay out and simulate Erlang/OTP supervision trees.");
        subtitle.getStyleClass().addAll(Styles.TEXT_MUTED, "start-subtitle");
        VBox hero = new VBox(4, title, subtitle);
        hero.getStyleClass().add("start-hero");

        HBox quick = new HBox(14,
                actionCard("blank-design", Material2OutlinedMZ.NOTE_ADD, "Blank design", "Start from an empty canvas",
                        actions::newBlank),
                actionCard("open-design", Material2OutlinedAL.FOLDER_OPEN, "Open…", "Open a .canopy.json file",
                        actions::open));

        gallery.setId("sample-gallery");
        gallery.getStyleClass().add("gallery");
        gallery.setHgap(16);
        gallery.setVgap(16);

        recentBox.setId("recent-files");
        recentBox.getStyleClass().add("recent-list");

        VBox content = new VBox(
                hero, quick,
                section("Samples", "Ready-made trees to explore and simulate"), gallery,
                section("Recent", null), recentBox);
        content.getStyleClass().add("start-content");
        content.setMaxWidth(1680); // up to six sample cards a row: a wide window shows more of the gallery
        StackPane centred = new StackPane(content);
        centred.setAlignment(Pos.TOP_CENTER);
        centred.getStyleClass().add("start-background");
        setContent(centred);

        vm.samples().addListener((ListChangeListener<DesignSummary>) c -> fillGallery());
        vm.recent().addListener((ListChangeListener<RecentFile>) c -> fillRecent());
        vm.loadingProperty().addListener((o, a, b) -> {
            fillGallery();
            fillRecent();
        });
        theme.addListener((o, a, b) -> fillGallery());
        fillGallery();
        fillRecent();
    }

    private static Node section(String heading, String sub) {
        Label h = new Label(heading);
        h.getStyleClass().addAll(Styles.TITLE_4, "section-title");
        HBox box = new HBox(10, h);
        box.setAlignment(Pos.BASELINE_LEFT);
        if (sub != null) {
            Label s = new Label(sub);
            s.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            box.getChildren().add(s);
        }
        box.getStyleClass().add("section-header");
        return box;
    }

    private static Node actionCard(String id, Ikon ikon, String title, String text, Runnable action) {
        var icon = Icons.of(ikon, 22);
        StackPane badge = new StackPane(icon);
        badge.getStyleClass().add("action-icon");
        Label t = new Label(title);
        t.getStyleClass().addAll(Styles.TEXT_BOLD, "action-title");
        Label d = new Label(text);
        d.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox words = new VBox(2, t, d);
        HBox card = new HBox(12, badge, words);
        card.setAlignment(Pos.CENTER_LEFT);
        card.setId(id);
        card.getStyleClass().addAll("card-base", "action-card");
        clickable(card, action);
        return card;
    }

    private static void clickable(Region node, Runnable action) {
        node.setCursor(Cursor.HAND);
        node.setFocusTraversable(true);
        node.setOnMouseClicked(e -> action.run());
        node.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                action.run();
                e.consume();
            }
        });
    }

    private void fillGallery() {
        if (vm.loadingProperty().get()) {
            ProgressIndicator p = new ProgressIndicator();
            p.setPrefSize(18, 18);
            Label l = new Label("Loading samples…");
            l.getStyleClass().add(Styles.TEXT_MUTED);
            HBox box = new HBox(10, p, l);
            box.setAlignment(Pos.CENTER_LEFT);
            gallery.getChildren().setAll(box);
            return;
        }
        if (vm.samples().isEmpty()) {
            Label l = new Label(vm.samplesMessageProperty().get().isBlank() ? "No samples." : vm.samplesMessageProperty().get());
            l.getStyleClass().add(Styles.TEXT_MUTED);
            gallery.getChildren().setAll(l);
            return;
        }
        CanvasColors colors = CanvasColors.of(theme.getValue());
        gallery.getChildren().setAll(vm.samples().stream().map(s -> sampleCard(s, colors)).toList());
    }

    private Node sampleCard(DesignSummary s, CanvasColors colors) {
        Canvas thumb = new Canvas(252, 112);
        s.tree().ifPresent(t -> TreeSketchPainter.thumbnail(thumb.getGraphicsContext2D(), t, 252, 112, colors));
        StackPane preview = new StackPane(thumb);
        preview.getStyleClass().add("sample-preview");
        Label name = new Label(s.name());
        name.getStyleClass().addAll(Styles.TEXT_BOLD, "sample-name");
        Label description = new Label(firstSentences(s.description(), 150));
        description.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "sample-description");
        description.setWrapText(true);
        description.setMinHeight(0);
        description.setPrefHeight(50);
        description.setMaxHeight(50);
        description.setAlignment(Pos.TOP_LEFT);
        Label facts = new Label(s.facts());
        facts.getStyleClass().addAll(Styles.TEXT_SMALL, "sample-facts");
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        VBox words = new VBox(4, name, description, grow, facts);
        words.getStyleClass().add("sample-text");
        VBox.setVgrow(words, Priority.ALWAYS);
        VBox card = new VBox(preview, words);
        card.getStyleClass().addAll("card-base", "sample-card");
        card.setPrefWidth(254);
        card.setMaxWidth(254);
        Tooltip tip = new Tooltip(s.name() + "\n\n" + s.description() + "\n\n" + s.file().getFileName());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Tooltip.install(card, tip);
        clickable(card, () -> actions.openSample(s));
        return card;
    }

    /** The first sentences of {@code text} that fit in about {@code max} characters. */
    static String firstSentences(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) return t;
        int end = -1;
        for (int i = t.indexOf(". "); i >= 0 && i < max; i = t.indexOf(". ", i + 1)) end = i + 1;
        if (end > 0) return t.substring(0, end);
        int space = t.lastIndexOf(' ', max);
        return t.substring(0, space > 0 ? space : max) + "…";
    }

    private void fillRecent() {
        if (vm.loadingProperty().get()) {
            recentBox.getChildren().clear();
            return;
        }
        if (vm.recent().isEmpty()) {
            Label l = new Label("No recent designs yet. Designs you open appear here.");
            l.getStyleClass().add(Styles.TEXT_MUTED);
            recentBox.getChildren().setAll(l);
            return;
        }
        recentBox.getChildren().setAll(vm.recent().stream().map(this::recentRow).toList());
    }

    private Node recentRow(RecentFile f) {
        var icon = Icons.of(Material2OutlinedAL.INSERT_DRIVE_FILE, 16);
        Hyperlink name = new Hyperlink(f.name());
        name.setMnemonicParsing(false); // a name's underscores are text
        name.setOnAction(e -> actions.openRecent(f));
        Label path = new Label(f.path().toString());
        path.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        path.setMinWidth(0);
        HBox.setHgrow(path, Priority.ALWAYS);
        path.setMaxWidth(Double.MAX_VALUE);
        Label when = new Label(f.openedAt().getEpochSecond() == 0 ? "" : When.FORMAT.format(f.openedAt()));
        when.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        when.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, icon, name, path, when);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("recent-row");
        return row;
    }
}
