package dev.canopy.diagrams.render;

import java.util.OptionalDouble;

import dev.canopy.diagrams.layout.LayoutTree;
import dev.canopy.diagrams.layout.LayoutTreeBuilder;

/** A small hand-made supervision tree using every kind, state and badge. */
record SampleTree(LayoutTree tree, NodeVisuals visuals) {

    static SampleTree build() {
        NodeVisual[] nodes = {
            sup("app_sup", "one_for_one", StyleToken.NODE_SUPERVISOR, StyleToken.STATE_RUNNING, 0.25),
            node("registry", "<0.81.0>", StyleToken.NODE_REGISTRY, StyleToken.STATE_RUNNING),
            sup("db_sup", "rest_for_one", StyleToken.NODE_SUPERVISOR, StyleToken.STATE_RUNNING, 0.6),
            sup("db_pool", "simple_one_for_one", StyleToken.NODE_DYNAMIC, StyleToken.STATE_RUNNING, 0.0),
            node("conn_1", "<0.90.0>", StyleToken.NODE_WORKER, StyleToken.STATE_RUNNING),
            node("conn_2", "<0.91.0>", StyleToken.NODE_WORKER, StyleToken.STATE_STARTING),
            node("conn_3", "<0.92.0>", StyleToken.NODE_WORKER, StyleToken.STATE_EXITED),
            node("db_monitor", "<0.93.0>", StyleToken.NODE_WORKER, StyleToken.STATE_IGNORED),
            sup("web_sup", "one_for_all", StyleToken.NODE_SUPERVISOR, StyleToken.STATE_RESTARTING, 0.9),
            node("http_listener", "<0.95.0>", StyleToken.NODE_WORKER, StyleToken.STATE_RUNNING),
            sup("acceptors", "one_for_one", StyleToken.NODE_TASK_SUPERVISOR, StyleToken.STATE_RUNNING, 0.1),
            node("session_cache & <store>", "<0.97.0>", StyleToken.NODE_WORKER, StyleToken.STATE_RESTARTING)
                    .withBadges(3, 12, OptionalDouble.empty()).withSelected(true),
            node("metrics_reporter_with_a_very_long_name", "<0.98.0>", StyleToken.NODE_WORKER, StyleToken.STATE_GAVE_UP)
                    .withBadges(5, 0, OptionalDouble.empty()),
        };
        String[] parents = {null, "app_sup", "app_sup", "db_sup", "db_pool", "db_pool", "db_pool", "db_sup", "app_sup",
            "web_sup", "web_sup", "web_sup", "app_sup"};
        RenderOptions o = RenderOptions.defaults();
        LayoutTreeBuilder b = LayoutTree.builder();
        for (int i = 0; i < nodes.length; i++) {
            b.add(nodes[i].key(), parents[i], NodeSizing.widthPx(nodes[i], o), NodeSizing.heightPx());
        }
        for (int i = 0; i < 40; i++) b.add("acceptor_" + i, "acceptors", 90, NodeSizing.heightPx());
        b.collapse("acceptors");
        LayoutTree tree = b.build();
        NodeVisuals visuals = new NodeVisuals(tree);
        for (NodeVisual v : nodes) visuals.put(v);
        return new SampleTree(tree, visuals);
    }

    private static NodeVisual node(String key, String sub, StyleToken kind, StyleToken state) {
        return NodeVisual.of(key, key, sub, kind, state);
    }

    private static NodeVisual sup(String key, String strategy, StyleToken kind, StyleToken state, double intensity) {
        return NodeVisual.of(key, key, strategy, kind, state).withBadges(0, 0, OptionalDouble.of(intensity));
    }
}
