package dev.canopy.app.ui.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.app.ui.log.EventLogViewModel;
import dev.canopy.diagrams.attach.BridgeMessage;
import dev.canopy.diagrams.attach.LiveApp;
import dev.canopy.diagrams.attach.LiveNode;
import dev.canopy.diagrams.attach.LiveProcess;
import dev.canopy.diagrams.attach.LiveSnapshot;
import dev.canopy.diagrams.attach.LiveWatch;
import dev.canopy.diagrams.render.NodeVisual;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.engine.scenario.Step;

class AttachViewModelTest {

    static LiveProcess worker(String id, String pid) {
        return new LiveProcess(id, "worker", pid, "running", "", 3, 2048, "", "m_" + id, "start_link", List.of(),
                "permanent", "5000", false, true, "worker", List.of("m_" + id), "", -1, -1, "", "", List.of(), Optional.empty());
    }

    static LiveProcess sup(String id, String pid, String strategy, List<LiveProcess> children) {
        return new LiveProcess(id, "supervisor", pid, "running", id, 0, 4096, id, "", "", List.of(), "", "", false, false,
                "supervisor", List.of(), strategy, 3, 5, "never", "", children, Optional.empty());
    }

    static LiveSnapshot snapshot(long t, String bPid, boolean secondUp) {
        LiveProcess top = sup("shop_sup", "<1.80.0>", "one_for_all", List.of(worker("a", "<1.81.0>"), worker("b", bPid)));
        LiveNode one = new LiveNode("one@h", true, List.of(new LiveApp("shop", "", "1.0", Optional.of(top)),
                new LiveApp("kernel", "", "8", Optional.of(sup("kernel_sup", "<1.40.0>", "one_for_all", List.of())))));
        LiveNode two = new LiveNode("two@h", secondUp, secondUp
                ? List.of(new LiveApp("shop", "", "1.0", Optional.of(sup("shop_sup", "<2.80.0>", "one_for_all", List.of(worker("a", "<2.81.0>"))))))
                : List.of());
        return new LiveSnapshot(t, List.of(one, two));
    }

    private final List<String> sent = new ArrayList<>();
    private final AttachViewModel.Bridge bridge = new AttachViewModel.Bridge() {
        @Override public void sendExit(String pid, String reason) { sent.add(pid + " " + reason); }
        @Override public void reconnect() { sent.add("reconnect"); }
        @Override public void close() { sent.add("close"); }
    };
    private final LiveWatch watch = new LiveWatch();
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(10_120), ZoneOffset.UTC);
    private final AttachViewModel vm = new AttachViewModel("one@h", bridge, watch, Dispatch.inline(), new EventLogViewModel(clock), clock);

    @Test
    void both_nodes_are_drawn_side_by_side_and_otp_applications_only_on_request() {
        watch.accept(new BridgeMessage.Snapshot(snapshot(10_000, "<1.82.0>", true)));
        List<String> keys = vm.mappedProperty().get().visuals().stream().map(NodeVisual::key).toList();
        assertThat(keys).containsExactly("cluster", "one@h", "one@h/shop", "one@h/shop/shop_sup", "one@h/shop/shop_sup/a",
                "one@h/shop/shop_sup/b", "two@h", "two@h/shop", "two@h/shop/shop_sup", "two@h/shop/shop_sup/a");
        vm.showOtpAppsProperty().set(true);
        assertThat(vm.mappedProperty().get().index()).containsKey("one@h/kernel/kernel_sup");
    }

    @Test
    void an_exit_flashes_over_its_process_and_the_restart_counts() {
        List<AttachViewModel.Flash> flashes = new ArrayList<>();
        vm.onFlash(flashes::add);
        watch.accept(new BridgeMessage.Snapshot(snapshot(10_000, "<1.82.0>", true)));
        watch.accept(new BridgeMessage.Exit("one@h", List.of("shop", "b"), "<1.82.0>", "killed", 10_050));
        watch.accept(new BridgeMessage.Snapshot(snapshot(10_100, "<1.90.0>", true)));
        assertThat(flashes).containsExactly(new AttachViewModel.Flash("one@h/shop/shop_sup/b", "killed", true, 70),
                new AttachViewModel.Flash("one@h/shop/shop_sup/b", "restarted", false, 20));
        NodeVisual b = vm.mappedProperty().get().visuals().stream().filter(v -> v.key().endsWith("/b")).findFirst().orElseThrow();
        assertThat(b.restarts()).isEqualTo(1);
        assertThat(b.sublabel()).startsWith("<1.90.0>");
        vm.selectedKeyProperty().set("one@h/shop/shop_sup/b");
        assertThat(vm.history()).hasSize(2);
        assertThat(vm.history().get(0)).contains("exit <1.82.0>: killed");
        assertThat(vm.details()).anyMatch(d -> d.startsWith("restart: permanent"));
    }

    @Test
    void killing_is_refused_until_allowed_for_the_session_and_then_logged() {
        watch.accept(new BridgeMessage.Snapshot(snapshot(10_000, "<1.82.0>", true)));
        vm.selectedKeyProperty().set("one@h/shop/shop_sup/b");
        assertThat(vm.sendExit("kill")).isFalse();
        assertThat(sent).isEmpty();
        vm.destructiveAllowedProperty().set(true);
        assertThat(vm.sendExit("kill")).isTrue();
        assertThat(sent).containsExactly("<1.82.0> kill");
    }

    @Test
    void a_node_gone_is_shown_gone_and_a_lost_connection_offers_to_reconnect() {
        watch.accept(new BridgeMessage.Snapshot(snapshot(10_000, "<1.82.0>", true)));
        watch.accept(new BridgeMessage.NodeDown("two@h", 10_010));
        watch.accept(new BridgeMessage.Snapshot(snapshot(10_020, "<1.82.0>", false)));
        NodeVisual two = vm.mappedProperty().get().visuals().stream().filter(v -> v.key().equals("two@h")).findFirst().orElseThrow();
        assertThat(two.state()).isEqualTo(StyleToken.STATE_GAVE_UP);
        assertThat(two.sublabel()).isEqualTo("node gone");
        NodeVisual lastKnown = vm.mappedProperty().get().visuals().stream()
                .filter(v -> v.key().equals("two@h/shop/shop_sup/a")).findFirst().orElseThrow();
        assertThat(lastKnown.state()).as("a gone node keeps its last known tree, drawn as gone").isEqualTo(StyleToken.STATE_GAVE_UP);
        assertThat(vm.connectedProperty().get()).isTrue();
        watch.accept(new BridgeMessage.Disconnected("one@h", 10_030));
        assertThat(vm.connectedProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).contains("Connection to one@h lost").endsWith("Reconnect?");
        vm.reconnect();
        assertThat(sent).containsExactly("reconnect");
    }

    @Test
    void replay_turns_the_recorded_kill_into_the_imported_design_fault_script() {
        watch.accept(new BridgeMessage.Snapshot(snapshot(10_000, "<1.82.0>", true)));
        watch.accept(new BridgeMessage.Exit("one@h", List.of("shop", "b"), "<1.82.0>", "killed", 10_050));
        watch.accept(new BridgeMessage.Exit("one@h", List.of("shop", "a"), "<1.81.0>", "shutdown", 10_051));
        vm.selectedKeyProperty().set("one@h/shop");
        var design = vm.replayDesign().orElseThrow();
        assertThat(design.name()).isEqualTo("shop");
        assertThat(design.faultScript()).containsExactly(new Step(0, false, new Step.Exit("shop_sup/b", "kill")));
        assertThat(vm.importDesign().orElseThrow().design().root().children()).extracting(n -> n.id()).containsExactly("a", "b");
    }
}
