package dev.canopy.diagrams.attach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live model of an attached cluster: the latest snapshot, and every exit, restart and node
 * coming or going since attaching (restarts are seen as a new pid at the same place of a tree).
 * Fed by the bridge's reading thread; listeners are called on that thread.
 */
public final class LiveWatch implements Consumer<BridgeMessage> {

    private final List<LiveEvent> events = new ArrayList<>();
    private final Map<String, String> pids = new HashMap<>();
    private final List<Consumer<LiveEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<LiveSnapshot>> snapshotListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<BridgeMessage>> otherListeners = new CopyOnWriteArrayList<>();
    private LiveSnapshot latest;

    public void onEvent(Consumer<LiveEvent> l) {
        eventListeners.add(l);
    }

    public void onSnapshot(Consumer<LiveSnapshot> l) {
        snapshotListeners.add(l);
    }

    /** Connection news: Disconnected, Connected (after reconnecting), Stopped, Info, Failed. */
    public void onConnection(Consumer<BridgeMessage> l) {
        otherListeners.add(l);
    }

    @Override
    public void accept(BridgeMessage m) {
        switch (m) {
            case BridgeMessage.Snapshot s -> snapshot(s.snapshot());
            case BridgeMessage.Exit e -> record(new LiveEvent.Exit(e.node(), e.path(), e.pid(), e.reason(), e.atMs()));
            case BridgeMessage.NodeDown d -> {
                forget(d.node());
                record(new LiveEvent.NodeGone(d.node(), d.atMs()));
            }
            case BridgeMessage.Disconnected d -> {
                forget(d.node());
                otherListeners.forEach(l -> l.accept(m));
            }
            case BridgeMessage.NodeUp u -> record(new LiveEvent.NodeJoined(u.node(), u.atMs()));
            default -> otherListeners.forEach(l -> l.accept(m));
        }
    }

    private void snapshot(LiveSnapshot s) {
        List<LiveEvent> restarts = new ArrayList<>();
        synchronized (this) {
            for (LiveNode n : s.nodes()) {
                if (!n.up()) continue;
                for (LiveApp a : n.apps()) {
                    a.root().ifPresent(root -> walk(List.of(a.name()), root, (path, p) -> {
                        if (p.pid().isEmpty()) return;
                        String key = n.name() + "\u0000" + String.join("\u0000", path);
                        String before = pids.put(key, p.pid());
                        if (before != null && !before.equals(p.pid())) {
                            restarts.add(new LiveEvent.Restart(n.name(), path, before, p.pid(), s.atMs()));
                        }
                    }));
                }
            }
            latest = s;
        }
        restarts.forEach(this::record);
        snapshotListeners.forEach(l -> l.accept(s));
    }

    /** A node that went away starts anew when it comes back: its new pids are not restarts. */
    private synchronized void forget(String node) {
        pids.keySet().removeIf(k -> k.startsWith(node + "\u0000"));
    }

    /** Visits the top supervisor at {@code prefix} and every child below with prefix + ids. */
    public static void walk(List<String> prefix, LiveProcess top, java.util.function.BiConsumer<List<String>, LiveProcess> visit) {
        visit.accept(prefix, top);
        for (LiveProcess c : top.children()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(c.id());
            walk(List.copyOf(path), c, visit);
        }
    }

    private void record(LiveEvent e) {
        synchronized (this) {
            events.add(e);
        }
        eventListeners.forEach(l -> l.accept(e));
    }

    public synchronized Optional<LiveSnapshot> latest() {
        return Optional.ofNullable(latest);
    }

    public synchronized List<LiveEvent> events() {
        return List.copyOf(events);
    }

    /** The exits and restarts of the child at {@code path} on {@code node}, oldest first. */
    public synchronized List<LiveEvent> history(String node, List<String> path) {
        return events.stream().filter(e -> e.node().equals(node) && switch (e) {
            case LiveEvent.Exit x -> x.path().equals(path);
            case LiveEvent.Restart r -> r.path().equals(path);
            default -> false;
        }).toList();
    }
}
