package dev.canopy.app.ui.main;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.canopy.app.ui.log.EventLogViewModel;
import dev.canopy.app.ui.theme.ThemeMode;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.export.ExportException;
import dev.canopy.diagrams.export.ExportFiles;
import dev.canopy.diagrams.export.ExportedFile;
import dev.canopy.diagrams.export.Exporters;
import dev.canopy.diagrams.render.DesignDiagram;
import dev.canopy.diagrams.render.Theme;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * The export dialog: a format (elixir, erlang, java, mermaid, dot, svg, png), a preview (the
 * generated files and their text; the diagram as an image, drawn with the current theme), copy
 * to the clipboard, and export into a chosen directory (atomic writes).
 */
final class ExportDialog {

    static final List<String> FORMATS = List.of("elixir", "erlang", "java", "mermaid", "dot", "svg", "png");

    private final Design design;
    private final ThemeMode theme;
    private final EventLogViewModel log;
    private final Window owner;
    final ComboBox<String> format = new ComboBox<>();
    final ListView<ExportedFile> files = new ListView<>();
    final TextArea text = new TextArea();
    final ImageView image = new ImageView();
    final Label problem = new Label();
    final Label note = new Label();
    private List<ExportedFile> current = List.of();
    private byte[] png;
    private String svg;

    ExportDialog(Design design, ThemeMode theme, EventLogViewModel log, Window owner) {
        this.design = design;
        this.theme = theme;
        this.log = log;
        this.owner = owner;
    }

    Theme renderTheme() {
        return theme.isDark() ? Theme.dark() : Theme.light();
    }

    VBox content() {
        format.getItems().setAll(FORMATS);
        format.setId("export-format");
        format.valueProperty().addListener((o, a, b) -> preview(b));
        files.setId("export-files");
        files.setPrefWidth(220);
        files.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ExportedFile f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.path());
            }
        });
        files.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> text.setText(b == null ? "" : b.content()));
        text.setEditable(false);
        text.setId("export-preview");
        text.setStyle("-fx-font-family: monospace;");
        problem.setWrapText(true);
        problem.getStyleClass().add("danger");
        Button copy = new Button("Copy to clipboard");
        copy.setId("export-copy");
        copy.setOnAction(e -> copy());
        Button export = new Button("Export to folder…");
        export.setId("export-write");
        export.getStyleClass().add("accent");
        export.setOnAction(e -> chooseAndWrite());
        note.getStyleClass().addAll("text-muted", "text-small");
        HBox top = new HBox(8, new Label("Format"), format, copy, export, note);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        StackPane previewPane = new StackPane();
        SplitPane split = new SplitPane(files, text);
        split.setDividerPositions(0.3);
        ScrollPane imageScroll = new ScrollPane(image);
        format.valueProperty().addListener((o, a, b) -> previewPane.getChildren().setAll(
                b != null && (b.equals("svg") || b.equals("png")) ? imageScroll : split));
        previewPane.getChildren().setAll(split);
        VBox.setVgrow(previewPane, Priority.ALWAYS);
        VBox box = new VBox(8, top, problem, previewPane);
        box.setPrefSize(900, 600);
        format.setValue("elixir");
        return box;
    }

    void show() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Export " + design.name());
        d.getDialogPane().setContent(content());
        d.getDialogPane().setPrefSize(980, 700);
        d.getDialogPane().setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        d.setOnShown(e -> {
            d.setWidth(Math.max(d.getWidth(), 1000));
            d.setHeight(Math.max(d.getHeight(), 720));
            if (owner != null) {
                d.setX(owner.getX() + Math.max(0, (owner.getWidth() - d.getWidth()) / 2));
                d.setY(owner.getY() + Math.max(0, (owner.getHeight() - d.getHeight()) / 2));
            }
        });
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        if (owner != null) d.initOwner(owner);
        d.show();
    }

    void preview(String f) {
        problem.setText("");
        note.setText("");
        current = List.of();
        png = null;
        svg = null;
        try {
            if (f.equals("svg") || f.equals("png")) {
                DesignDiagram diagram = DesignDiagram.of(design);
                png = dev.canopy.diagrams.render.PngRenderer.png(diagram.wholeTree(), renderTheme());
                if (f.equals("svg")) svg = dev.canopy.diagrams.render.SvgWriter.write(diagram.wholeTree(), renderTheme());
                image.setImage(new Image(new ByteArrayInputStream(png)));
                note.setText("Writes " + design.root().id() + "." + f + " ("
                        + (int) image.getImage().getWidth() + " × " + (int) image.getImage().getHeight() + " px)");
                files.getItems().setAll(List.of());
                return;
            }
            current = Exporters.find(f).orElseThrow().export(design);
            files.getItems().setAll(current);
            note.setText("Writes " + current.size() + (current.size() == 1 ? " file" : " files"));
            if (!current.isEmpty()) files.getSelectionModel().select(0);
        } catch (ExportException e) {
            List<String> lines = new ArrayList<>();
            e.problems().forEach(p -> lines.add(p.message() + " (at " + p.jsonPath() + ")"));
            problem.setText("The design cannot be exported yet:\n" + String.join("\n", lines));
            files.getItems().clear();
            text.clear();
        }
    }

    void copy() {
        ClipboardContent c = new ClipboardContent();
        if (png != null && svg == null) {
            c.putImage(image.getImage());
        } else if (svg != null) {
            c.putString(svg);
        } else {
            ExportedFile sel = files.getSelectionModel().getSelectedItem();
            if (sel == null) return;
            c.putString(sel.content());
        }
        Clipboard.getSystemClipboard().setContent(c);
        log.info("Copied the " + format.getValue() + " export to the clipboard");
    }

    private void chooseAndWrite() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export " + format.getValue() + " into");
        File dir = chooser.showDialog(owner);
        if (dir != null) write(dir.toPath());
    }

    /** Writes the current preview into {@code dir} (atomically); returns the files written. */
    List<Path> write(Path dir) {
        try {
            List<Path> written;
            if (svg != null) {
                written = List.of(ExportFiles.writeBytes(dir.resolve(design.root().id() + ".svg"), svg.getBytes(StandardCharsets.UTF_8)));
            } else if (png != null) {
                written = List.of(ExportFiles.writeBytes(dir.resolve(design.root().id() + ".png"), png));
            } else {
                written = ExportFiles.write(dir, current);
            }
            log.info("Exported " + design.name() + " as " + format.getValue() + ": " + dev.canopy.app.ui.text.Plural.of(written.size(), "file") + " in " + dir);
            return written;
        } catch (java.io.IOException | RuntimeException e) {
            log.error("Could not export to " + dir + ": " + e.getMessage());
            problem.setText("Could not export: " + e.getMessage());
            return List.of();
        }
    }
}
