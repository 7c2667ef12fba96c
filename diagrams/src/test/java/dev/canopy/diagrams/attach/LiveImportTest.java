package dev.canopy.diagrams.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.design.DesignValidator;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.WorkerNode;

/** An Elixir node's tree (aliases as ids and names, a Registry, a DynamicSupervisor) imports as a valid design. */
class LiveImportTest {

    private static LiveProcess proc(String id, String kind, String registered, String startModule, String strategy,
                                    List<LiveProcess> children) {
        boolean sup = kind.endsWith("supervisor");
        return new LiveProcess(id, kind, "<1.2.0>", "running", registered, 0, 100, startModule, startModule, "start_link",
                List.of("[]"), "permanent", sup ? "infinity" : "5000", false, true, sup ? "supervisor" : "worker",
                List.of(startModule), strategy, 3, 5, "never", sup ? "infinity" : "", children, Optional.empty());
    }

    @Test
    void elixir_ids_and_names_become_a_valid_design_and_every_change_is_listed() {
        LiveProcess cache = proc("cache", "worker", "Elixir.MyApp.Cache", "Elixir.MyApp.Cache", "", List.of());
        LiveProcess registry = proc("Elixir.MyApp.Registry", "registry", "Elixir.MyApp.Registry", "Elixir.Registry", "", List.of());
        LiveProcess dyn = proc("sessions", "dynamic_supervisor", "", "Elixir.MyApp.Sessions", "one_for_one",
                List.of(proc("#1", "worker", "", "Elixir.MyApp.Session", "", List.of())));
        LiveProcess top = proc("Elixir.MyApp.Supervisor", "supervisor", "Elixir.MyApp.Supervisor", "Elixir.MyApp.Supervisor",
                "one_for_one", List.of(cache, registry, dyn));
        LiveImport.Imported im = LiveImport.of(new LiveApp("my_app", "My app", "1.0", Optional.of(top))).orElseThrow();
        Design d = im.design();

        assertThat(DesignValidator.validate(d)).noneMatch(DesignProblem::isError);
        assertThat(d.root().id()).isEqualTo("my_app_supervisor");
        assertThat(d.root().children()).extracting(n -> n.id()).containsExactly("cache", "my_app_registry", "sessions");
        WorkerNode w = (WorkerNode) d.root().children().get(0);
        assertThat(w.naming()).isEqualTo(new Naming.Local("MyApp.Cache"));
        assertThat(w.spec().startModule()).isEqualTo("MyApp.Cache");
        assertThat(d.root().children().get(1)).isInstanceOf(RegistryNode.class);
        assertThat(d.root().children().get(2)).isInstanceOf(DynamicSupervisorNode.class);
        assertThat(im.unread()).anyMatch(u -> u.contains("the id Elixir.MyApp.Registry is not a plain atom; imported as my_app_registry"))
                .anyMatch(u -> u.contains("1 running children were started on demand"));
    }

    @Test
    void plain_ids_from_any_term() {
        assertThat(LiveImport.plainId("Elixir.MyApp.Repo")).isEqualTo("my_app_repo");
        assertThat(LiveImport.plainId("{worker,1}")).isEqualTo("worker_1");
        assertThat(LiveImport.plainId("42")).isEqualTo("p_42");
        assertThat(LiveImport.plainId("end")).isEqualTo("end_");
    }
}
