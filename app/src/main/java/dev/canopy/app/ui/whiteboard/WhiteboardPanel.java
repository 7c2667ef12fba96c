package dev.canopy.app.ui.whiteboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import dev.canopy.app.ui.Dispatch;
import dev.canopy.app.ui.canvas.DesignCanvas;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.whiteboard.Advice;
import dev.canopy.diagrams.whiteboard.DesignAdvisor;
import dev.canopy.diagrams.whiteboard.ExitKind;
import dev.canopy.diagrams.whiteboard.Prediction;
import dev.canopy.diagrams.whiteboard.SimulatorCheck;
import dev.canopy.diagrams.whiteboard.StrategyWizard;
import dev.canopy.diagrams.whiteboard.WhatIf;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The whiteboard side panel next to a design's canvas: "What if this dies?" (the prediction for
 * the selected node, coloured on the canvas with a legend, its explanations and restart budget)
 * with a button that plays it in the simulator and shows prediction against outcome node by node,
 * the guided whiteboard exercise, and the design advisor (advice with reason and fix; clicking
 * one selects its node).
 */
public final class WhiteboardPanel extends VBox {

    private final DocumentViewModel doc;
    private final DesignCanvas canvas;
    private final VBox body = new VBox(6);
    private final ComboBox<ExitKind> exitKind = new ComboBox<>();
    private final Dispatch dispatch;
    private final WhatIfCheckViewModel check;
    private final VBox checkBox = new VBox(4);
    private GuidedWhiteboardViewModel guided;
    private String subject;

    public WhiteboardPanel(DocumentViewModel doc, DesignCanvas canvas, Dispatch dispatch) {
        this.doc = doc;
        this.canvas = canvas;
        this.dispatch = dispatch;
        this.check = new WhatIfCheckViewModel(dispatch);
        checkBox.setId("what-if-check");
        check.resultProperty().addListener((o, a, b) -> renderCheck());
        check.busyProperty().addListener((o, a, b) -> renderCheck());
        getStyleClass().addAll("side-panel", "whiteboard-panel");
        setId("whiteboard-panel");
        setPrefWidth(340);
        setMinWidth(240);
        setPadding(new Insets(8));
        setSpacing(6);
        exitKind.getItems().setAll(ExitKind.values());
        // Erlang's words (crash, normal, shutdown), not the enum's capitals
        exitKind.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(ExitKind k) { return k == null ? "" : k.name().toLowerCase(java.util.Locale.ROOT); }
            @Override public ExitKind fromString(String s) { return ExitKind.valueOf(s.toUpperCase(java.util.Locale.ROOT)); }
        });
        exitKind.setValue(ExitKind.CRASH);
        exitKind.valueProperty().addListener((o, a, b) -> {
            if (subject != null) whatIf(subject);
        });
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
        doc.editor().designProperty().addListener((o, a, b) -> {
            if (subject != null && isVisible()) {
                if (doc.node(subject).isPresent()) whatIf(subject);
                else close();
            }
        });
        setVisible(false);
        setManaged(false);
    }

    /** Predicts what happens when the node at {@code path} exits, and shows it. */
    public void whatIf(String path) {
        subject = path;
        guided = null;
        check.clear();
        Prediction p = WhatIf.predict(doc.design(), path, exitKind.getValue());
        Map<String, StyleToken> states = new HashMap<>();
        for (String s : p.untouched()) states.put(s, StyleToken.STATE_RUNNING);
        for (String s : p.restarted()) states.put(s, StyleToken.STATE_RESTARTING);
        for (String s : p.startedAgain()) states.put(s, StyleToken.STATE_RESTARTING);
        for (String s : p.stopped()) states.put(s, StyleToken.STATE_EXITED);
        states.put(path, StyleToken.STATE_GAVE_UP);
        canvas.highlight(states);

        body.getChildren().clear();
        body.getChildren().add(header("What if '" + last(path) + "' dies?"));
        HBox kind = new HBox(6, new Label("Exit:"), exitKind);
        kind.setAlignment(Pos.CENTER_LEFT);
        body.getChildren().add(kind);
        body.getChildren().add(wrap(p.summary(), null));
        body.getChildren().add(legend());
        section("Restarted", p.restarted(), p);
        section("Started again", p.startedAgain(), p);
        section("Stopped", p.stopped(), p);
        body.getChildren().add(small("Untouched: " + (p.untouched().isEmpty() ? "nothing" : dev.canopy.app.ui.text.Plural.of(p.untouched().size(), "node"))));
        body.getChildren().add(header("Escalation"));
        body.getChildren().add(wrap(p.escalation().text(), null));
        body.getChildren().add(header("Restart budget"));
        body.getChildren().add(wrap(p.budget().text(), null));
        Button run = new Button("Check in the simulator");
        run.setId("what-if-run");
        run.setOnAction(e -> check.check(doc.design(), path, exitKind.getValue()));
        body.getChildren().addAll(run, checkBox);
        show();
    }

    /** The what-if played in the simulator: node by node, prediction against outcome. */
    private void renderCheck() {
        checkBox.getChildren().clear();
        if (check.busyProperty().get()) {
            checkBox.getChildren().add(small("Playing it in the simulator…"));
            return;
        }
        SimulatorCheck.Check c = check.resultProperty().get();
        if (c == null) return;
        checkBox.getChildren().add(header("Prediction against the simulator"));
        switch (c) {
            case SimulatorCheck.Check.Checked ok -> checkBox.getChildren().add(new CrashReportView(ok.report(), "prediction"));
            case SimulatorCheck.Check.CannotRun no -> checkBox.getChildren().add(wrap(no.reason(), null));
        }
    }

    /**
     * The guided whiteboard exercise on this design: the walk, the derived strategies, every
     * process crashed in the simulator; {@code apply} makes the answers' strategies edits.
     */
    public void guided(Consumer<Map<String, StrategyWizard.Answer>> apply) {
        subject = null;
        check.clear();
        guided = new GuidedWhiteboardViewModel(doc::design, dispatch);
        GuidedWhiteboardViewModel exercise = guided;
        body.getChildren().setAll(new GuidedWhiteboardView(exercise, canvas::highlight, () -> apply.accept(exercise.answers())));
        show();
    }

    /** The running exercise, if the panel shows one. */
    public Optional<GuidedWhiteboardViewModel> exercise() {
        return Optional.ofNullable(guided);
    }

    /** Lists the advisor's advice for the design. */
    public void advisor() {
        subject = null;
        guided = null;
        canvas.highlight(Map.of());
        List<Advice> advice = DesignAdvisor.review(doc.design());
        body.getChildren().clear();
        body.getChildren().add(header("Design advisor"));
        if (advice.isEmpty()) body.getChildren().add(wrap("No advice: the design follows every rule the advisor knows.", null));
        VBox list = new VBox(6);
        list.setId("advice-list");
        for (Advice a : advice) {
            Label title = new Label(a.severity() + " · " + a.title());
            title.getStyleClass().add(Styles.TEXT_BOLD);
            title.setWrapText(true);
            VBox card = new VBox(2, title, small("at " + a.path()), wrap(a.reason(), null), wrap("Fix: " + a.fix(), null));
            card.getStyleClass().addAll("advice-card", "advice-" + a.severity().name().toLowerCase(java.util.Locale.ROOT));
            card.setUserData(a);
            card.setOnMouseClicked(e -> select(a));
            list.getChildren().add(card);
        }
        body.getChildren().add(list);
        show();
    }

    /** Selects the advice's node on the canvas (what a click on the advice does). */
    public void select(Advice a) {
        if (doc.node(a.path()).isPresent()) {
            doc.editor().select(a.path());
            canvas.treeCanvas().centreOn(a.path());
        }
    }

    public void close() {
        subject = null;
        guided = null;
        check.clear();
        canvas.highlight(Map.of());
        boolean was = isVisible();
        setVisible(false);
        setManaged(false);
        if (was) keepInView();
    }

    private void show() {
        Button close = new Button("Close");
        close.getStyleClass().add(Styles.FLAT);
        close.setOnAction(e -> close());
        body.getChildren().add(close);
        boolean was = isVisible();
        setVisible(true);
        setManaged(true);
        if (!was) keepInView(); // the canvas gets narrower
    }

    /**
     * Once the canvas has its new width: centres the what-if's supervisor (keeping the zoom, so
     * labels stay readable); after closing, fits the whole tree again.
     */
    private void keepInView() {
        var tc = canvas.treeCanvas();
        @SuppressWarnings("unchecked")
        javafx.beans.value.ChangeListener<Number>[] once = new javafx.beans.value.ChangeListener[1];
        once[0] = (o, a, b) -> {
            tc.widthProperty().removeListener(once[0]);
            String focus = subject == null ? null
                    : dev.canopy.diagrams.design.DesignPaths.parentPath(subject).orElse(subject);
            javafx.application.Platform.runLater(() -> {
                if (focus != null) tc.centreOn(focus);
                else if (!isVisible()) tc.fit(); // closed: the whole tree again
            });
        };
        tc.widthProperty().addListener(once[0]);
    }

    private Region legend() {
        VBox box = new VBox(2);
        box.getStyleClass().add("what-if-legend");
        box.getChildren().addAll(swatch("dies", "gave-up"), swatch("restarted by its supervisor", "restarting"),
                swatch("stopped, not restarted", "exited"), swatch("untouched", "running"));
        return box;
    }

    private static HBox swatch(String text, String cls) {
        Region r = new Region();
        r.getStyleClass().addAll("legend-swatch", "legend-" + cls);
        r.setMinSize(12, 12);
        r.setMaxSize(12, 12);
        HBox h = new HBox(6, r, small(text));
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private void section(String title, java.util.Set<String> paths, Prediction p) {
        if (paths.isEmpty()) return;
        body.getChildren().add(header(title));
        for (String s : paths) {
            String why = p.explain(s);
            body.getChildren().add(wrap("• " + last(s) + (why.isBlank() ? "" : ": " + why), null));
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_BOLD);
        l.setWrapText(true);
        return l;
    }

    private static Label wrap(String text, String cls) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(270);
        if (cls != null) l.getStyleClass().add(cls);
        return l;
    }

    private static Label small(String text) {
        Label l = wrap(text, null);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return l;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
