package dev.canopy.app.ui.attach;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.app.ui.log.EventLogViewModel;
import dev.canopy.diagrams.attach.BridgeMessage;
import dev.canopy.diagrams.attach.IncidentScript;
import dev.canopy.diagrams.attach.LiveApp;
import dev.canopy.diagrams.attach.LiveEvent;
import dev.canopy.diagrams.attach.LiveImport;
import dev.canopy.diagrams.attach.LiveNode;
import dev.canopy.diagrams.attach.LiveProcess;
import dev.canopy.diagrams.attach.LiveSnapshot;
import dev.canopy.diagrams.attach.LiveWatch;
import dev.canopy.diagrams.attach.NodeBridge;
import dev.canopy.diagrams.design.Design;

/**
 * One attached cluster: the live trees for the canvas, the selected process's details and
 * restart history, exits and restarts to flash, the connection's state, and the opt-in
 * destructive actions (off by default, per session, each one logged). Bridge news arrives on the
 * bridge's thread and is handed to the UI thread through {@link Dispatch}.
 */
public final class AttachViewModel {

    /** An exit or restart to flash over a node; {@code delayMs} is from the event (bridge clock) to now. */
    public record Flash(String key, String text, boolean exit, long delayMs) {}

    /** A commands port, so tests can run without a hidden node. */
    public interface Bridge {
        void sendExit(String pid, String reason);

        void reconnect();

        void close();

        static Bridge of(NodeBridge b) {
            return new Bridge() {
                @Override public void sendExit(String pid, String reason) { b.sendExit(pid, reason); }
                @Override public void reconnect() { b.reconnect(); }
                @Override public void close() { b.close(); }
            };
        }
    }

    private final String target;
    private final Bridge bridge;
    private final LiveWatch watch;
    private final Dispatch dispatch;
    private final EventLogViewModel log;
    private final Clock clock;
    private final LiveVisualMapper mapper = new LiveVisualMapper();

    private final ReadOnlyObjectWrapper<LiveVisualMapper.Mapped> mapped = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(true);
    private final BooleanProperty destructiveAllowed = new SimpleBooleanProperty(false);
    private final BooleanProperty showOtpApps = new SimpleBooleanProperty(false);
    private final ObjectProperty<String> selectedKey = new SimpleObjectProperty<>();
    private final ObservableList<String> details = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private Consumer<Flash> flashes = f -> {};
    private LiveSnapshot latest;
    private final Map<String, LiveNode> lastUp = new java.util.HashMap<>();

    public AttachViewModel(String target, Bridge bridge, LiveWatch watch, Dispatch dispatch, EventLogViewModel log, Clock clock) {
        this.target = target;
        this.bridge = bridge;
        this.watch = watch;
        this.dispatch = dispatch;
        this.log = log;
        this.clock = clock;
        status.set("Attached to " + target + " (read-only)");
        watch.onSnapshot(s -> dispatch.ui().execute(() -> snapshot(s)));
        watch.onEvent(e -> dispatch.ui().execute(() -> event(e)));
        watch.onConnection(m -> dispatch.ui().execute(() -> connection(m)));
        showOtpApps.addListener((o, a, b) -> remap());
        selectedKey.addListener((o, a, b) -> describeSelection());
    }

    public String target() {
        return target;
    }

    public void onFlash(Consumer<Flash> f) {
        flashes = f;
    }

    private void snapshot(LiveSnapshot s) {
        // A node gone keeps its last known trees, drawn as gone.
        List<LiveNode> nodes = new ArrayList<>();
        for (LiveNode n : s.nodes()) {
            if (n.up()) {
                lastUp.put(n.name(), n);
                nodes.add(n);
            } else {
                LiveNode before = lastUp.get(n.name());
                nodes.add(before == null ? n : new LiveNode(n.name(), false, before.apps()));
            }
        }
        latest = new LiveSnapshot(s.atMs(), nodes);
        remap();
    }

    private void remap() {
        if (latest == null) return;
        mapped.set(mapper.map(latest, showOtpApps.get(), LiveVisualMapper.restartCounts(watch.events())));
        describeSelection();
    }

    private void event(LiveEvent e) {
        long delay = clock.millis() - e.atMs();
        switch (e) {
            case LiveEvent.Exit x -> {
                keyOf(x.node(), x.path()).ifPresent(k -> flashes.accept(new Flash(k, x.reason(), true, delay)));
                log.warning(x.node() + " " + String.join("/", x.path()) + " " + x.pid() + " exited: " + x.reason()
                        + " (shown " + delay + " ms after the exit)");
            }
            case LiveEvent.Restart r -> {
                keyOf(r.node(), r.path()).ifPresent(k -> flashes.accept(new Flash(k, "restarted", false, delay)));
                log.info(r.node() + " " + String.join("/", r.path()) + " restarted: " + r.oldPid() + " → " + r.newPid());
            }
            case LiveEvent.NodeGone g -> log.error(g.node() + " is gone (nodedown)");
            case LiveEvent.NodeJoined j -> log.info(j.node() + " joined");
        }
        describeSelection();
    }

    private void connection(BridgeMessage m) {
        switch (m) {
            case BridgeMessage.Disconnected d -> {
                connected.set(false);
                status.set("Connection to " + d.node() + " lost: the node stopped or the network dropped. Reconnect?");
                log.error(status.get());
            }
            case BridgeMessage.Connected c -> {
                connected.set(true);
                status.set("Attached to " + c.node() + " again (read-only)");
                log.info(status.get());
            }
            case BridgeMessage.Stopped st -> {
                connected.set(false);
                status.set("Canopy's hidden Erlang node stopped (" + st.why() + ")");
                log.error(status.get());
            }
            case BridgeMessage.Failed f -> status.set(f.sentence());
            case BridgeMessage.Info i -> log.info(i.text());
            default -> { }
        }
    }

    /** The canvas key of an event's process, if it is drawn. */
    Optional<String> keyOf(String node, List<String> eventPath) {
        LiveVisualMapper.Mapped m = mapped.get();
        if (m == null) return Optional.empty();
        return m.index().entrySet().stream()
                .filter(en -> en.getValue().node().equals(node) && en.getValue().process().isPresent()
                        && en.getValue().eventPath().equals(eventPath))
                .map(Map.Entry::getKey).findFirst();
    }

    private void describeSelection() {
        details.clear();
        history.clear();
        String key = selectedKey.get();
        LiveVisualMapper.Mapped m = mapped.get();
        if (key == null || m == null || !m.index().containsKey(key)) return;
        LiveVisualMapper.Located at = m.index().get(key);
        if (at.process().isEmpty()) {
            details.add("node " + at.node());
            at.app().ifPresent(a -> details.add("application " + a.name() + " " + a.version() + ": " + a.description()));
            return;
        }
        LiveProcess p = at.process().get();
        details.add("id: " + p.id() + "   (" + p.kind() + ")");
        details.add("pid: " + (p.running() ? p.pid() : p.status()) + (p.registered().isEmpty() ? "" : "   registered: " + p.registered()));
        if (p.messageQueue() >= 0) details.add("message queue: " + p.messageQueue() + "   memory: " + LiveVisualMapper.kib(p.memory()));
        if (p.isSupervisor() && !p.strategy().isEmpty()) {
            details.add("strategy: " + p.strategy() + "   intensity: " + p.intensity() + " in " + p.period() + " s"
                    + (p.autoShutdown().isEmpty() ? "" : "   auto_shutdown: " + p.autoShutdown()));
        }
        if (!p.restart().isEmpty()) {
            details.add("start: {" + p.startModule() + ", " + p.startFunction() + ", [" + String.join(", ", p.startArgs()) + "]}");
            details.add("restart: " + p.restart() + "   shutdown: " + p.shutdown() + "   significant: " + p.significant());
            details.add("modules: " + p.modules());
        }
        for (LiveEvent e : watch.history(at.node(), at.eventPath())) {
            history.add(switch (e) {
                case LiveEvent.Exit x -> clockText(x.atMs()) + "  exit " + x.pid() + ": " + x.reason();
                case LiveEvent.Restart r -> clockText(r.atMs()) + "  restarted as " + r.newPid();
                default -> e.toString();
            });
        }
    }

    private static String clockText(long epochMs) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.ofEpochMilli(epochMs));
    }

    /** The selected process, if a process (not a node or application) is selected. */
    public Optional<LiveProcess> selectedProcess() {
        LiveVisualMapper.Mapped m = mapped.get();
        String key = selectedKey.get();
        if (m == null || key == null || !m.index().containsKey(key)) return Optional.empty();
        return m.index().get(key).process();
    }

    /**
     * Sends an exit signal to the selected process. Refused (false) unless destructive actions
     * are allowed for this session and the process runs; the view confirms first. Logged.
     */
    public boolean sendExit(String reason) {
        Optional<LiveProcess> p = selectedProcess();
        if (!destructiveAllowed.get() || p.isEmpty() || !p.get().running()) return false;
        LiveVisualMapper.Located at = mapped.get().index().get(selectedKey.get());
        log.warning("Sent exit(" + p.get().pid() + ", " + reason + ") to " + at.node() + " " + String.join("/", at.eventPath())
                + " (destructive actions allowed for this session)");
        bridge.sendExit(p.get().pid(), reason);
        return true;
    }

    public void reconnect() {
        status.set("Reconnecting to " + target + "…");
        bridge.reconnect();
    }

    /** The application (of the selected key, else the only one drawn) to import. */
    public Optional<LiveApp> appToImport() {
        LiveVisualMapper.Mapped m = mapped.get();
        if (m == null) return Optional.empty();
        String key = selectedKey.get();
        if (key != null && m.index().containsKey(key) && m.index().get(key).app().isPresent()) return m.index().get(key).app();
        List<LiveApp> apps = new ArrayList<>();
        m.index().values().stream().filter(l -> l.process().isEmpty() && l.app().isPresent())
                .forEach(l -> apps.add(l.app().get()));
        return apps.size() == 1 ? Optional.of(apps.getFirst()) : Optional.empty();
    }

    private Optional<String> nodeOf(LiveApp app) {
        return mapped.get().index().values().stream().filter(l -> l.app().map(a -> a == app).orElse(false))
                .map(LiveVisualMapper.Located::node).findFirst();
    }

    /** The live tree of the application to import, as a design, and what OTP could not tell. */
    public Optional<LiveImport.Imported> importDesign() {
        return appToImport().flatMap(LiveImport::of);
    }

    /** The imported design with the exits recorded so far as its fault script. */
    public Optional<Design> replayDesign() {
        Optional<LiveApp> app = appToImport();
        if (app.isEmpty()) return Optional.empty();
        String node = nodeOf(app.get()).orElse(target);
        return LiveImport.of(app.get()).map(i -> IncidentScript.replay(i.design(), watch.events(), node, app.get().name()));
    }

    public void close() {
        bridge.close();
    }

    public ReadOnlyObjectProperty<LiveVisualMapper.Mapped> mappedProperty() { return mapped.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty connectedProperty() { return connected.getReadOnlyProperty(); }
    public BooleanProperty destructiveAllowedProperty() { return destructiveAllowed; }
    public BooleanProperty showOtpAppsProperty() { return showOtpApps; }
    public ObjectProperty<String> selectedKeyProperty() { return selectedKey; }
    public ObservableList<String> details() { return details; }
    public ObservableList<String> history() { return history; }
}
