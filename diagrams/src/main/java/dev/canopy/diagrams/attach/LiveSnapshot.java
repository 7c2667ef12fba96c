package dev.canopy.diagrams.attach;

import java.util.List;
import java.util.Optional;

/** Everything the bridge read in one round: every node it is connected to. {@code atMs} is the bridge's clock. */
public record LiveSnapshot(long atMs, List<LiveNode> nodes) {

    public LiveSnapshot {
        nodes = List.copyOf(nodes);
    }

    public Optional<LiveNode> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }
}
