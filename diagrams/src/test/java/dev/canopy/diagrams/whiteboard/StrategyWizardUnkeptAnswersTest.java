package dev.canopy.diagrams.whiteboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.canopy.diagrams.design.Design;
import org.junit.jupiter.api.Test;

/** The wizard says when the one strategy it proposes cannot keep an answer, instead of "already matched". */
class StrategyWizardUnkeptAnswersTest {
    final Design classic = Samples.load("classic_application");

    @Test
    void a_no_before_later_siblings_is_not_kept_by_rest_for_one() {
        var answers = Map.of("app/repo", StrategyWizard.Answer.YES_LATER_ONES);
        assertThat(StrategyWizard.unkeptAnswers(classic, answers)).contains(
                "You answered No for pubsub, but under rest_for_one app also restarts the children started after it "
                        + "(cache, workers, endpoint) when it dies; give it its own supervisor to keep them apart");
    }

    @Test
    void all_no_is_kept_by_one_for_one() {
        assertThat(StrategyWizard.unkeptAnswers(classic, Map.of())).isEmpty();
    }

    @Test
    void the_question_does_not_repeat_the_answers_the_dialog_offers() {
        assertThat(StrategyWizard.questions(classic)).allSatisfy(q -> assertThat(q.text()).endsWith("die too?"));
    }
}
