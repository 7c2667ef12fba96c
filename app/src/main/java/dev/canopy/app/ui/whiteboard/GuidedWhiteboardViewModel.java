package dev.canopy.app.ui.whiteboard;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.whiteboard.CrashReport;
import dev.canopy.diagrams.whiteboard.Fate;
import dev.canopy.diagrams.whiteboard.GuidedExercise;
import dev.canopy.diagrams.whiteboard.StrategyWizard;
import dev.canopy.diagrams.whiteboard.StrategyWizard.Answer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The guided whiteboard exercise, step by step: one question per process ("If this process
 * dies, should its siblings die too?"), then the strategies derived from the answers with the
 * reasoning, then every process crashed in the simulator (in the background) with what the
 * answers said against what happened, node by node. Toolkit-free: runs in plain unit tests
 * with {@link Dispatch#inline()}.
 */
public final class GuidedWhiteboardViewModel {

    /** Where the exercise is. */
    public enum Phase { ASKING, DERIVED, RUNNING, DONE }

    /** The seed every crash runs with: the same answers give the same outcome. */
    public static final long SEED = 1;

    private final Supplier<Design> design;
    private final Dispatch dispatch;
    private List<StrategyWizard.Question> questions;
    private final Map<String, Answer> answers = new LinkedHashMap<>();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.ASKING);
    private final ReadOnlyObjectWrapper<GuidedExercise.Derivation> derivation = new ReadOnlyObjectWrapper<>(this, "derivation");
    private final ReadOnlyObjectWrapper<GuidedExercise.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<CrashReport> shown = new ReadOnlyObjectWrapper<>(this, "shown");

    public GuidedWhiteboardViewModel(Supplier<Design> design, Dispatch dispatch) {
        this.design = design;
        this.dispatch = dispatch;
        restart();
    }

    /** Starts over on the design as it is now. */
    public void restart() {
        questions = GuidedExercise.walk(design.get());
        answers.clear();
        result.set(null);
        shown.set(null);
        derivation.set(null);
        index.set(0);
        phase.set(questions.isEmpty() ? Phase.DERIVED : Phase.ASKING);
        if (questions.isEmpty()) derivation.set(GuidedExercise.derive(design.get(), answers));
    }

    public List<StrategyWizard.Question> questions() {
        return questions;
    }

    /** The question being asked, if the walk is not over. */
    public Optional<StrategyWizard.Question> current() {
        return phase.get() == Phase.ASKING && index.get() < questions.size() ? Optional.of(questions.get(index.get())) : Optional.empty();
    }

    /** Answers the current question and moves on; after the last one the strategies are derived. */
    public void answer(Answer a) {
        var q = current().orElseThrow(() -> new IllegalStateException("no question is being asked"));
        answers.put(q.childPath(), a);
        if (index.get() + 1 < questions.size()) {
            index.set(index.get() + 1);
        } else {
            derivation.set(GuidedExercise.derive(design.get(), answers));
            phase.set(Phase.DERIVED);
        }
    }

    /** Goes back one question (from the derivation: to the last question). */
    public void back() {
        if (phase.get() == Phase.ASKING && index.get() > 0) {
            index.set(index.get() - 1);
        } else if (phase.get() != Phase.ASKING && phase.get() != Phase.RUNNING && !questions.isEmpty()) {
            result.set(null);
            shown.set(null);
            derivation.set(null);
            index.set(questions.size() - 1);
            phase.set(Phase.ASKING);
        }
    }

    /** The answer given so far for a process, if any. */
    public Optional<Answer> answerFor(String childPath) {
        return Optional.ofNullable(answers.get(childPath));
    }

    public Map<String, Answer> answers() {
        return Map.copyOf(answers);
    }

    /** Crashes every process of the tree built from the answers, in the background. */
    public void crashEach() {
        if (phase.get() != Phase.DERIVED && phase.get() != Phase.DONE) return;
        phase.set(Phase.RUNNING);
        Design d = design.get();
        Map<String, Answer> given = Map.copyOf(answers);
        dispatch.async(() -> GuidedExercise.run(d, given, SEED), r -> {
            result.set(r);
            phase.set(Phase.DONE);
            shown.set(r.reports().isEmpty() ? null : r.reports().stream().filter(c -> !c.held()).findFirst().orElse(r.reports().getFirst()));
        });
    }

    /** Shows one crash's outcome (on the canvas too). */
    public void show(CrashReport report) {
        shown.set(report);
    }

    /**
     * What to colour on the canvas: while asking, the process asked about (and the siblings an
     * answer would take down with it); once a crash is shown, what the simulator did.
     */
    public Map<String, StyleToken> highlights() {
        var out = new HashMap<String, StyleToken>();
        if (shown.get() != null) {
            for (var row : shown.get().rows()) out.put(row.path(), token(row.simulated()));
            out.put(shown.get().path(), row(shown.get()).map(r -> r == Fate.STOPPED ? StyleToken.STATE_EXITED : StyleToken.STATE_GAVE_UP)
                    .orElse(StyleToken.STATE_GAVE_UP));
            return out;
        }
        current().ifPresent(q -> out.put(q.childPath(), StyleToken.STATE_GAVE_UP));
        return out;
    }

    private static Optional<Fate> row(CrashReport r) {
        return r.rows().stream().filter(v -> v.path().equals(r.path())).map(v -> v.simulated()).findFirst();
    }

    private static StyleToken token(Fate f) {
        return switch (f) {
            case RESTARTED, STARTED_AGAIN -> StyleToken.STATE_RESTARTING;
            case STOPPED -> StyleToken.STATE_EXITED;
            case UNTOUCHED -> StyleToken.STATE_RUNNING;
        };
    }

    /** The strategies derived from the answers, as undoable edits are made of them. */
    public List<StrategyWizard.Proposal> proposals() {
        return derivation.get() == null ? List.of() : derivation.get().proposals();
    }

    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<GuidedExercise.Derivation> derivationProperty() { return derivation.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<GuidedExercise.Result> resultProperty() { return result.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<CrashReport> shownProperty() { return shown.getReadOnlyProperty(); }
}
