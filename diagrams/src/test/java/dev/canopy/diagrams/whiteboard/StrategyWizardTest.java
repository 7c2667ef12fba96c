package dev.canopy.diagrams.whiteboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.supervisor.Strategy;
import org.junit.jupiter.api.Test;

class StrategyWizardTest {
    final Design classic = Samples.load("classic_application");

    @Test
    void asksAboutEveryChildOfEverySupervisorWithSiblings() {
        var qs = StrategyWizard.questions(classic);
        // app has 5 children; pubsub and endpoint have none, and workers is a DynamicSupervisor.
        assertThat(qs).hasSize(5);
        assertThat(qs.getFirst().childPath()).isEqualTo("app/repo");
        assertThat(qs.getFirst().text()).startsWith("If repo dies, should its siblings (pubsub, cache, workers, endpoint) die too?");
        assertThat(qs).extracting(StrategyWizard.Question::supervisorPath).containsOnly("app");
        // A DynamicSupervisor is always one_for_one: no questions.
        assertThat(StrategyWizard.questions(Samples.load("sessions_per_user"))).extracting(StrategyWizard.Question::supervisorPath)
                .containsOnly("root");
    }

    @Test
    void allNoGivesOneForOne() {
        var ps = StrategyWizard.propose(classic, Map.of());
        assertThat(ps).extracting(StrategyWizard.Proposal::proposed).containsOnly(Strategy.ONE_FOR_ONE);
        assertThat(ps).noneMatch(StrategyWizard.Proposal::changes);
        assertThat(ps.getFirst().reason()).contains("one_for_one: a crash restarts only the child that crashed");
    }

    @Test
    void anyYesAllGivesOneForAll() {
        var p = StrategyWizard.proposalFor(classic, "app", Map.of(
                "app/cache", StrategyWizard.Answer.YES_ALL, "app/repo", StrategyWizard.Answer.YES_LATER_ONES)).orElseThrow();
        assertThat(p.proposed()).isEqualTo(Strategy.ONE_FOR_ALL);
        assertThat(p.reason()).contains("cache").contains("one_for_all");
    }

    @Test
    void laterOnesGiveRestForOneAndApplyChangesTheDesign() {
        var answers = Map.of("app/repo", StrategyWizard.Answer.YES_LATER_ONES);
        var p = StrategyWizard.proposalFor(classic, "app", answers).orElseThrow();
        assertThat(p.proposed()).isEqualTo(Strategy.REST_FOR_ONE);
        assertThat(p.reorder()).isEmpty();
        assertThat(p.reason()).contains("children started after repo depend on it");
        var changed = StrategyWizard.apply(classic, StrategyWizard.propose(classic, answers));
        assertThat(((SupervisorNode) changed.root()).strategy()).isEqualTo(Strategy.REST_FOR_ONE);
        assertThat(((SupervisorNode) classic.root()).strategy()).isEqualTo(Strategy.ONE_FOR_ONE);
    }

    @Test
    void suggestsMovingADependedOnChildFirst() {
        var answers = Map.of("app/endpoint", StrategyWizard.Answer.YES_LATER_ONES);
        var p = StrategyWizard.proposalFor(classic, "app", answers).orElseThrow();
        assertThat(p.reorder()).containsExactly("endpoint", "repo", "pubsub", "cache", "workers");
        assertThat(p.reason()).contains("endpoint is started last");
        var applied = StrategyWizard.apply(classic, List.of(p));
        assertThat(applied.root().children()).extracting(DesignNode::id).containsExactly("endpoint", "repo", "pubsub", "cache", "workers");
    }

    @Test
    void suggestsStartingARegistryBeforeItsUsers() {
        var user = WorkerNode.of("user").withNaming(new Naming.Via("names", "u"));
        var d = Design.of("r", "", SupervisorNode.of("root", List.of(WorkerNode.of("a"), user, RegistryNode.of("names"))));
        var p = StrategyWizard.proposalFor(d, "root", Map.of()).orElseThrow();
        assertThat(p.proposed()).isEqualTo(Strategy.ONE_FOR_ONE);
        assertThat(p.reorder()).containsExactly("a", "names", "user");
        assertThat(p.reason()).contains("names is a Registry that user registers in");
    }

    @Test
    void applyRejectsWhatIsNotASupervisorOrNotAReordering() {
        var bad = new StrategyWizard.Proposal("app/repo", Strategy.ONE_FOR_ONE, Strategy.ONE_FOR_ALL, List.of(), "");
        assertThatThrownBy(() -> StrategyWizard.apply(classic, List.of(bad))).isInstanceOf(IllegalArgumentException.class);
        var badOrder = new StrategyWizard.Proposal("app/workers", Strategy.ONE_FOR_ONE, Strategy.ONE_FOR_ONE, List.of("mailer"), "");
        assertThatThrownBy(() -> StrategyWizard.apply(classic, List.of(badOrder))).isInstanceOf(IllegalArgumentException.class);
    }
}
