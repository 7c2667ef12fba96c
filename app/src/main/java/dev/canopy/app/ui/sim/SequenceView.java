package dev.canopy.app.ui.sim;

import java.io.File;
import java.util.HashMap;

import dev.canopy.diagrams.sequence.SequenceDiagram;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window with the sequence diagram of a run (bound to a {@link SequenceViewModel}): lifelines
 * as columns, one row per message or note in time order, drawn like the SVG export; buttons save
 * it as Mermaid or SVG.
 */
public final class SequenceView extends BorderPane {
    static final double COLUMN = 170;
    static final double ROW = 30;
    static final double MARGIN = 20;
    static final double HEAD = 36;

    private final SequenceViewModel vm;
    private final Pane drawing = new Pane();
    private final Label status = new Label();

    public SequenceView(SequenceViewModel vm) {
        this.vm = vm;
        setId("sequence-view");
        drawing.setId("sequence-drawing");
        drawing.setStyle("-fx-background-color: white;");
        Button mermaid = new Button("Save Mermaid…");
        mermaid.setId("sequence-save-mermaid");
        mermaid.setOnAction(e -> save(SequenceViewModel.Format.MERMAID));
        Button svg = new Button("Save SVG…");
        svg.setId("sequence-save-svg");
        svg.setOnAction(e -> save(SequenceViewModel.Format.SVG));
        status.textProperty().bind(vm.statusProperty());
        setTop(new ToolBar(mermaid, svg, status));
        setCenter(new ScrollPane(drawing));
        vm.diagramProperty().addListener((o, a, b) -> draw(b));
        draw(vm.diagramProperty().get());
        setPadding(new Insets(0));
    }

    public static Stage open(Window owner, SequenceViewModel vm) {
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        stage.setTitle("Sequence · " + vm.title());
        stage.setScene(new Scene(new SequenceView(vm), 1000, 700));
        stage.show();
        return stage;
    }

    private void save(SequenceViewModel.Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the sequence diagram");
        chooser.setInitialFileName("sequence." + format.extension);
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) return;
        status.textProperty().unbind();
        status.setText(switch (vm.save(f.toPath(), format)) {
            case SequenceViewModel.Saved.Written w -> "Saved " + w.file().getFileName();
            case SequenceViewModel.Saved.Failed x -> x.message();
        });
    }

    private void draw(SequenceDiagram d) {
        drawing.getChildren().clear();
        if (d == null) return;
        var column = new HashMap<String, Integer>();
        for (int i = 0; i < d.lifelines().size(); i++) column.put(d.lifelines().get(i).id(), i);
        double height = MARGIN * 2 + HEAD + (d.items().size() + 1) * ROW;
        drawing.setPrefSize(MARGIN * 2 + Math.max(1, d.lifelines().size()) * COLUMN, height);
        for (int i = 0; i < d.lifelines().size(); i++) {
            double x = centre(i);
            Rectangle box = new Rectangle(x - COLUMN / 2 + 8, MARGIN, COLUMN - 16, 26);
            box.setArcWidth(8);
            box.setArcHeight(8);
            box.setFill(Color.web("#dbeafe"));
            box.setStroke(Color.web("#1d4ed8"));
            Line life = new Line(x, MARGIN + 26, x, height - MARGIN);
            life.setStroke(Color.web("#9ca3af"));
            life.getStrokeDashArray().setAll(4.0, 4.0);
            drawing.getChildren().addAll(life, box, centred(d.lifelines().get(i).label(), x, MARGIN + 17, Color.BLACK));
        }
        int row = 0;
        double widest = 0;
        for (var it : d.items()) {
            double y = MARGIN + HEAD + ++row * ROW;
            switch (it) {
                case SequenceDiagram.Message m -> {
                    double x1 = centre(column.get(m.from()));
                    double x2 = centre(column.get(m.to()));
                    Color c = switch (m.kind()) {
                        case EXIT -> Color.web("#b91c1c");
                        case DOWN -> Color.web("#7c3aed");
                        default -> Color.web("#1f2937");
                    };
                    Line line = new Line(x1, y, x2, y);
                    line.setStroke(c);
                    line.getStyleClass().add("sequence-" + m.kind().name().toLowerCase(java.util.Locale.ROOT));
                    if (m.kind() == SequenceDiagram.Kind.REPLY) line.getStrokeDashArray().setAll(6.0, 3.0);
                    double dir = Math.signum(x2 - x1);
                    Polygon head = new Polygon(x2, y, x2 - dir * 8, y - 4, x2 - dir * 8, y + 4);
                    head.setFill(m.kind() == SequenceDiagram.Kind.CAST || m.kind() == SequenceDiagram.Kind.INFO ? Color.WHITE : c);
                    head.setStroke(c);
                    drawing.getChildren().addAll(line, head, centred(m.atMs() + " ms " + m.text(), (x1 + x2) / 2, y - 5, c));
                }
                case SequenceDiagram.Note n -> {
                    double x = centre(column.get(n.on()));
                    Text text = centred(n.atMs() + " ms " + n.text(), x, y, Color.BLACK);
                    double textWidth = text.getLayoutBounds().getWidth();
                    double w = COLUMN - 24;
                    if (textWidth + 12 > w) {
                        // A long note (the pattern lab's) starts at its lifeline and runs right, inside a box that fits it
                        // (measured before the scene's CSS, so with room to spare).
                        w = textWidth * 1.15 + 16;
                        text.setX(x - COLUMN / 2 + 20);
                    }
                    Rectangle r = new Rectangle(w > COLUMN - 24 ? x - COLUMN / 2 + 12 : x - w / 2, y - 14, w, 20);
                    r.setFill(Color.web("#fef3c7"));
                    r.setStroke(Color.web("#d97706"));
                    r.getStyleClass().add("sequence-note");
                    drawing.getChildren().addAll(r, text);
                    widest = Math.max(widest, r.getX() + w + MARGIN);
                }
            }
        }
        if (widest > drawing.getPrefWidth()) drawing.setPrefWidth(widest);
    }

    private static Text centred(String s, double x, double y, Color c) {
        Text t = new Text(s);
        t.setFill(c);
        t.setTextAlignment(TextAlignment.CENTER);
        t.setX(x - t.getLayoutBounds().getWidth() / 2);
        t.setY(y);
        return t;
    }

    private static double centre(int column) {
        return MARGIN + column * COLUMN + COLUMN / 2;
    }
}
