package dev.canopy.diagrams.render;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import dev.canopy.diagrams.layout.LayoutTree;

/**
 * A made-up supervision tree of a given size with live-looking state, for benchmarks, sample
 * exports and scale tests. Deterministic from its seed. Shape: an application supervisor with a
 * registry, a few dynamic supervisors holding many workers each, a branch of nested supervisors
 * a few hundred levels deep, and randomly nested services for the rest.
 */
public record SyntheticDiagram(LayoutTree tree, NodeVisuals visuals) {

    public static SyntheticDiagram generate(int nodes, long seed) {
        if (nodes < 8) throw new IllegalArgumentException("need at least 8 nodes, was " + nodes);
        Generator g = new Generator(nodes, new SplittableRandom(seed));
        g.populate();
        return g.result();
    }

    /**
     * One DynamicSupervisor with {@code children} session workers, the shape real systems have
     * (one session per user): deterministic from the seed, mostly running with a few
     * restarting and down, as in a storm.
     */
    public static SyntheticDiagram flat(int children, long seed) {
        if (children < 1) throw new IllegalArgumentException("need at least 1 child, was " + children);
        Generator g = new Generator(children + 1, new SplittableRandom(seed));
        int root = g.add(-1, "sessions_sup", StyleToken.NODE_DYNAMIC);
        for (int i = 0; i < children; i++) g.add(root, "session_" + (i + 1), StyleToken.NODE_WORKER);
        return g.result();
    }

    private static final class Generator {
        private final int n;
        private final SplittableRandom random;
        private final List<NodeVisual> visuals = new ArrayList<>();
        private final List<Integer> parents = new ArrayList<>();
        private final RenderOptions options = RenderOptions.defaults();

        Generator(int n, SplittableRandom random) {
            this.n = n;
            this.random = random;
        }

        void populate() {
            int root = add(-1, "app_sup", StyleToken.NODE_SUPERVISOR);
            add(root, "registry", StyleToken.NODE_REGISTRY);
            int deep = Math.clamp(n / 200, 2, 500);
            int parent = root;
            for (int d = 0; d < deep && size() < n / 4; d++) {
                parent = add(parent, "nested_sup_" + d, StyleToken.NODE_SUPERVISOR);
                if (size() < n) add(parent, "conn_" + size(), StyleToken.NODE_WORKER);
            }
            int pools = 3;
            int pooled = (int) (n * 0.4);
            for (int p = 0; p < pools && size() < n; p++) {
                int pool = add(root, "pool_sup_" + p, StyleToken.NODE_DYNAMIC);
                for (int i = 0; i < pooled / pools && size() < n; i++) add(pool, "worker_" + size(), StyleToken.NODE_WORKER);
            }
            List<Integer> services = new ArrayList<>();
            services.add(add(root, "services_sup", StyleToken.NODE_SUPERVISOR));
            while (size() < n) {
                int into = services.get(random.nextInt(services.size()));
                double roll = random.nextDouble();
                if (roll < 0.10) {
                    services.add(add(into, "svc_sup_" + size(), StyleToken.NODE_SUPERVISOR));
                } else if (roll < 0.13) {
                    services.add(add(into, "task_sup_" + size(), StyleToken.NODE_TASK_SUPERVISOR));
                } else {
                    add(into, "server_" + size(), StyleToken.NODE_WORKER);
                }
            }
        }

        private int size() {
            return visuals.size();
        }

        private int add(int parent, String name, StyleToken kind) {
            int index = size();
            boolean supervisor = kind != StyleToken.NODE_WORKER && kind != StyleToken.NODE_REGISTRY;
            String sublabel = supervisor ? strategy(kind) : "<0." + (80 + index) + ".0>";
            NodeVisual v = NodeVisual.of(name, name, sublabel, kind, state());
            int restarts = random.nextDouble() < 0.05 ? 1 + random.nextInt(5) : 0;
            int mailbox = !supervisor && random.nextDouble() < 0.03 ? 1 + random.nextInt(500) : 0;
            OptionalDouble intensity = supervisor ? OptionalDouble.of(Math.round(random.nextDouble() * 100) / 100.0)
                    : OptionalDouble.empty();
            visuals.add(v.withBadges(restarts, mailbox, intensity));
            parents.add(parent);
            return index;
        }

        private static String strategy(StyleToken kind) {
            return switch (kind) {
                case NODE_DYNAMIC -> "simple_one_for_one";
                case NODE_TASK_SUPERVISOR -> "one_for_one · tasks";
                default -> "one_for_one";
            };
        }

        private StyleToken state() {
            double r = random.nextDouble();
            if (r < 0.94) return StyleToken.STATE_RUNNING;
            if (r < 0.96) return StyleToken.STATE_RESTARTING;
            if (r < 0.975) return StyleToken.STATE_EXITED;
            if (r < 0.985) return StyleToken.STATE_STARTING;
            if (r < 0.99) return StyleToken.STATE_GAVE_UP;
            return StyleToken.STATE_IGNORED;
        }

        SyntheticDiagram result() {
            int count = size();
            String[] keys = new String[count];
            int[] parentIndex = new int[count];
            double[] widths = new double[count];
            double[] heights = new double[count];
            for (int i = 0; i < count; i++) {
                keys[i] = visuals.get(i).key();
                parentIndex[i] = parents.get(i);
                widths[i] = NodeSizing.widthPx(visuals.get(i), options);
                heights[i] = NodeSizing.heightPx();
            }
            LayoutTree tree = LayoutTree.of(keys, parentIndex, widths, heights, new boolean[count]);
            NodeVisuals nv = new NodeVisuals(tree);
            for (NodeVisual v : visuals) nv.put(v);
            return new SyntheticDiagram(tree, nv);
        }
    }
}
