package dev.canopy.app.ui.whiteboard;

import atlantafx.base.theme.Styles;
import dev.canopy.diagrams.whiteboard.CrashReport;
import dev.canopy.diagrams.whiteboard.NodeVerdict;
import dev.canopy.diagrams.whiteboard.Surprise;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Prediction against outcome for one crash: a row per node (✓ / ✗) and the surprises explained. */
final class CrashReportView extends VBox {

    CrashReportView(CrashReport r, String predictedHeading) {
        super(4);
        getStyleClass().add("crash-report");
        setUserData(r);
        Label verdict = bold(r.held() ? "✓ Went as predicted" : "✗ " + r.misses().size() + " node(s) did not do what was predicted");
        verdict.getStyleClass().add(r.held() ? Styles.SUCCESS : Styles.DANGER);
        verdict.setId("crash-verdict");
        getChildren().add(verdict);
        VBox grid = new VBox(2);
        grid.getStyleClass().add("verdict-table");
        for (NodeVerdict v : r.rows()) {
            Label line = new Label((v.agrees() ? "✓ " : "✗ ") + WhiteboardText.name(v.path()) + ": "
                    + (v.agrees() ? v.simulated().phrase() + ", as " + (predictedHeading.equals("prediction") ? "predicted" : predictedHeading)
                    : predictedHeading + " " + v.predicted().phrase() + ", simulator " + v.simulated().phrase()));
            line.setWrapText(true);
            line.setMaxWidth(300);
            line.getStyleClass().addAll("verdict-row", v.agrees() ? Styles.SUCCESS : Styles.DANGER);
            if (v.path().equals(r.path())) line.getStyleClass().add(Styles.TEXT_BOLD);
            grid.getChildren().add(line);
        }
        getChildren().add(grid);
        for (Surprise s : r.surprises()) {
            Label title = bold(s.title() + " · " + WhiteboardText.name(s.path()));
            title.getStyleClass().add("surprise-title");
            getChildren().addAll(title, WhiteboardText.wrap(s.text()));
        }
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        l.setWrapText(true);
        l.setMaxWidth(280);
        return l;
    }

}
