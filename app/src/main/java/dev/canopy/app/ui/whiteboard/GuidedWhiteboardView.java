package dev.canopy.app.ui.whiteboard;

import java.util.Map;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.whiteboard.CrashReport;
import dev.canopy.diagrams.whiteboard.SimulatorCheck;
import dev.canopy.diagrams.whiteboard.StrategyWizard;
import dev.canopy.diagrams.whiteboard.StrategyWizard.Answer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The guided whiteboard in the side panel, bound to a {@link GuidedWhiteboardViewModel}: the
 * question with its three answers, the strategies derived with the reasoning, then one card per
 * crashed process (click to see it on the canvas and node by node).
 */
final class GuidedWhiteboardView extends VBox {
    private final GuidedWhiteboardViewModel vm;
    private final Consumer<Map<String, StyleToken>> highlight;
    private final Runnable applyToDesign;

    GuidedWhiteboardView(GuidedWhiteboardViewModel vm, Consumer<Map<String, StyleToken>> highlight, Runnable applyToDesign) {
        super(6);
        this.vm = vm;
        this.highlight = highlight;
        this.applyToDesign = applyToDesign;
        setId("guided-whiteboard");
        vm.indexProperty().addListener((o, a, b) -> render());
        vm.phaseProperty().addListener((o, a, b) -> render());
        vm.shownProperty().addListener((o, a, b) -> render());
        render();
    }

    private void render() {
        getChildren().clear();
        getChildren().add(header("Whiteboard exercise"));
        switch (vm.phaseProperty().get()) {
            case ASKING -> asking();
            case DERIVED -> derived();
            case RUNNING -> {
                derived();
                ProgressIndicator p = new ProgressIndicator();
                p.setPrefSize(24, 24);
                HBox h = new HBox(6, p, new Label("Crashing each process in the simulator…"));
                h.setAlignment(Pos.CENTER_LEFT);
                getChildren().add(h);
            }
            case DONE -> done();
        }
        highlight.accept(vm.highlights());
    }

    private void asking() {
        StrategyWizard.Question q = vm.current().orElseThrow();
        int i = vm.indexProperty().get();
        getChildren().add(small("Question " + (i + 1) + " of " + vm.questions().size() + " · under "
                + WhiteboardText.last(q.supervisorPath())));
        String child = WhiteboardText.last(q.childPath());
        Label ask = header("If " + child + " dies, should its siblings die too?");
        ask.setId("guided-question");
        getChildren().add(ask);
        var siblings = vm.questions().stream().filter(o -> o.supervisorPath().equals(q.supervisorPath()))
                .map(o -> WhiteboardText.last(o.childPath())).filter(n -> !n.equals(child)).toList();
        getChildren().add(small("Its siblings, in start order around it: " + String.join(", ", siblings)));
        VBox buttons = new VBox(4);
        buttons.getChildren().addAll(
                answer("Yes, all of them", Answer.YES_ALL, "guided-yes"),
                answer("Only the ones started after it", Answer.YES_LATER_ONES, "guided-later"),
                answer("No, they carry on", Answer.NO, "guided-no"));
        getChildren().add(buttons);
        Button back = new Button("Back");
        back.setId("guided-back");
        back.getStyleClass().add(Styles.FLAT);
        back.setDisable(i == 0);
        back.setOnAction(e -> vm.back());
        getChildren().add(back);
    }

    private Button answer(String text, Answer a, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.setMaxWidth(Double.MAX_VALUE);
        vm.current().flatMap(q -> vm.answerFor(q.childPath())).filter(given -> given == a)
                .ifPresent(given -> b.getStyleClass().add(Styles.ACCENT));
        b.setOnAction(e -> vm.answer(a));
        return b;
    }

    private void derived() {
        getChildren().add(header("The strategies your answers give"));
        for (StrategyWizard.Proposal p : vm.proposals()) {
            Label title = new Label(WhiteboardText.last(p.supervisorPath()) + ": " + p.proposed().atom()
                    + (p.current() == p.proposed() ? " (as drawn)" : " (drawn as " + p.current().atom() + ")"));
            title.getStyleClass().add(Styles.TEXT_BOLD);
            title.setWrapText(true);
            title.setMaxWidth(280);
            VBox card = new VBox(2, title, WhiteboardText.wrap(p.reason()));
            card.getStyleClass().add("derivation-card");
            getChildren().add(card);
        }
        if (vm.phaseProperty().get() == GuidedWhiteboardViewModel.Phase.DERIVED) {
            getChildren().add(WhiteboardText.wrap("Next, each process of this tree is crashed in the simulator, one at a time, "
                    + "and what your answers say is set against what OTP does."));
            Button run = new Button("Crash each process");
            run.setId("guided-run");
            run.getStyleClass().add(Styles.ACCENT);
            run.setOnAction(e -> vm.crashEach());
            Button back = new Button("Back");
            back.getStyleClass().add(Styles.FLAT);
            back.setOnAction(e -> vm.back());
            getChildren().add(new HBox(6, run, back));
        }
    }

    private void done() {
        var result = vm.resultProperty().get();
        long held = result.held();
        int total = result.reports().size();
        Label sum = header(total == 0 ? "The simulator could not run this tree"
                : held + " of " + total + " crashes went as your answers said");
        sum.setId("guided-summary");
        getChildren().add(sum);
        getChildren().add(small("Click a crash to see it on the canvas and node by node."));
        VBox list = new VBox(3);
        for (SimulatorCheck.Check c : result.crashes()) {
            if (c instanceof SimulatorCheck.Check.Checked checked) list.getChildren().add(crashLine(checked.report()));
            else if (c instanceof SimulatorCheck.Check.CannotRun no) list.getChildren().add(small(WhiteboardText.last(no.path()) + ": " + no.reason()));
        }
        getChildren().add(list);
        CrashReport shown = vm.shownProperty().get();
        if (shown != null) {
            getChildren().add(header(WhiteboardText.name(shown.path()) + " crashes"));
            getChildren().add(new CrashReportView(shown, "you said"));
        }
        Button apply = new Button("Apply these strategies");
        apply.setId("guided-apply");
        apply.setOnAction(e -> applyToDesign.run());
        Button again = new Button("Start over");
        again.getStyleClass().add(Styles.FLAT);
        again.setOnAction(e -> vm.restart());
        getChildren().add(new VBox(4, apply, again));
    }

    private Label crashLine(CrashReport r) {
        Label l = new Label((r.held() ? "✓ " : "✗ ") + WhiteboardText.name(r.path()) + " crashes"
                + (r.held() ? "" : " · " + r.surprises().size() + " surprise(s)"));
        l.getStyleClass().addAll("crash-line", r.held() ? Styles.SUCCESS : Styles.DANGER);
        if (r == vm.shownProperty().get()) l.getStyleClass().add(Styles.TEXT_BOLD);
        l.setUserData(r);
        l.setOnMouseClicked(e -> vm.show(r));
        return l;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        l.setWrapText(true);
        l.setMaxWidth(280);
        return l;
    }

    private static Label small(String text) {
        Label l = WhiteboardText.wrap(text);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return l;
    }
}
