package dev.canopy.diagrams.layout;

import java.util.HashMap;
import java.util.Map;

/**
 * The input of {@link TreeLayout}: nodes named by stable keys (a supervisor child's id, not its
 * pid, so that a restart keeps the node in place), the parent of each, children in sibling
 * order, the measured size of each node and whether it is collapsed (its descendants hidden).
 *
 * <p>Nodes are int-indexed internally (the index is the position in the arrays given to
 * {@link #of}), with children in compressed-row form, so that a layout of 100k nodes touches
 * only flat arrays. Immutable; {@link #withCollapsed} shares the structure.
 */
public final class LayoutTree {
    private final String[] keys;
    private final int[] parent;
    private final int[] childStart;
    private final int[] children;
    private final int[] siblingIndex;
    private final double[] widthPx;
    private final double[] heightPx;
    private final boolean[] collapsed;
    private final Map<String, Integer> indexByKey;
    private final int root;

    private LayoutTree(String[] keys, int[] parent, int[] childStart, int[] children, int[] siblingIndex,
            double[] widthPx, double[] heightPx, boolean[] collapsed, Map<String, Integer> indexByKey, int root) {
        this.keys = keys;
        this.parent = parent;
        this.childStart = childStart;
        this.children = children;
        this.siblingIndex = siblingIndex;
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.collapsed = collapsed;
        this.indexByKey = indexByKey;
        this.root = root;
    }

    public static LayoutTreeBuilder builder() {
        return new LayoutTreeBuilder();
    }

    /**
     * A tree from parallel arrays. {@code parentIndex[i]} is the index of node i's parent, or -1
     * for the one root; siblings keep their order of index. The arrays are copied.
     *
     * @throws IllegalArgumentException on duplicate or missing keys, bad sizes, no root or more
     *                                  than one, or a parent cycle
     */
    public static LayoutTree of(String[] keys, int[] parentIndex, double[] widthPx, double[] heightPx,
            boolean[] collapsed) {
        int n = keys.length;
        if (n == 0) throw new IllegalArgumentException("a tree needs at least one node");
        if (parentIndex.length != n || widthPx.length != n || heightPx.length != n || collapsed.length != n) {
            throw new IllegalArgumentException("all arrays must have the length of keys (" + n + ")");
        }
        Map<String, Integer> index = HashMap.newHashMap(n);
        int root = -1;
        for (int i = 0; i < n; i++) {
            if (keys[i] == null) throw new IllegalArgumentException("key of node " + i + " is null");
            if (index.putIfAbsent(keys[i], i) != null) throw new IllegalArgumentException("duplicate key '" + keys[i] + "'");
            requireSize(keys[i], widthPx[i], heightPx[i]);
            int p = parentIndex[i];
            if (p == -1) {
                if (root != -1) throw new IllegalArgumentException("two roots: '" + keys[root] + "' and '" + keys[i] + "'");
                root = i;
            } else if (p < 0 || p >= n || p == i) {
                throw new IllegalArgumentException("node '" + keys[i] + "' has an invalid parent index " + p);
            }
        }
        if (root == -1) throw new IllegalArgumentException("no root (a node whose parent index is -1)");

        int[] start = new int[n + 1];
        int[] kids = new int[n - 1];
        int[] sib = new int[n];
        childrenByParent(parentIndex, start, kids, sib);
        LayoutTree t = new LayoutTree(keys.clone(), parentIndex.clone(), start, kids, sib, widthPx.clone(),
                heightPx.clone(), collapsed.clone(), Map.copyOf(index), root);
        t.requireAllReachable();
        return t;
    }

    /** Counting sort by parent, which keeps siblings in index order. */
    private static void childrenByParent(int[] parentIndex, int[] start, int[] kids, int[] sib) {
        int n = parentIndex.length;
        for (int i = 0; i < n; i++) if (parentIndex[i] >= 0) start[parentIndex[i] + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        int[] fill = start.clone();
        for (int i = 0; i < n; i++) {
            int p = parentIndex[i];
            if (p < 0) continue;
            sib[i] = fill[p] - start[p];
            kids[fill[p]++] = i;
        }
    }

    /**
     * Structure only (no keys, no sizes, nothing collapsed), for the layout's own helper trees.
     * The caller guarantees one root (index 0 or any node with parent -1) and no cycles.
     */
    static LayoutTree structureOf(int[] parentIndex) {
        int n = parentIndex.length;
        int root = -1;
        for (int i = 0; i < n && root < 0; i++) if (parentIndex[i] < 0) root = i;
        int[] start = new int[n + 1];
        int[] kids = new int[Math.max(0, n - 1)];
        int[] sib = new int[n];
        childrenByParent(parentIndex, start, kids, sib);
        return new LayoutTree(new String[n], parentIndex, start, kids, sib, new double[n], new double[n],
                new boolean[n], Map.of(), root);
    }

    /** The same tree with one node collapsed or expanded; structure and sizes are shared. */
    public LayoutTree withCollapsed(String key, boolean isCollapsed) {
        boolean[] c = collapsed.clone();
        c[requireIndex(key)] = isCollapsed;
        return new LayoutTree(keys, parent, childStart, children, siblingIndex, widthPx, heightPx, c, indexByKey, root);
    }

    /** The same tree with these keys collapsed too (unknown keys are ignored); structure shared. */
    public LayoutTree withCollapsed(java.util.Set<String> keysCollapsed) {
        boolean[] c = collapsed.clone();
        for (String k : keysCollapsed) {
            int i = indexOf(k);
            if (i >= 0) c[i] = true;
        }
        return new LayoutTree(keys, parent, childStart, children, siblingIndex, widthPx, heightPx, c, indexByKey, root);
    }

    /** The nodes of v's subtree, breadth-first from v: index s of {@link #subtree(int)} is node subtreeNodes(v)[s] here. */
    int[] subtreeNodes(int v) {
        int[] out = new int[16];
        int head = 0;
        int tail = 0;
        out[tail++] = v;
        while (head < tail) {
            int u = out[head++];
            for (int k = childStart[u]; k < childStart[u + 1]; k++) {
                if (tail == out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
                out[tail++] = children[k];
            }
        }
        return java.util.Arrays.copyOf(out, tail);
    }

    /** v's subtree as a tree of its own (v its root), for laying out a block by itself; no key lookups. */
    LayoutTree subtree(int v) {
        int[] nodes = subtreeNodes(v);
        int m = nodes.length;
        String[] k = new String[m];
        double[] w = new double[m];
        double[] h = new double[m];
        boolean[] c = new boolean[m];
        int[] p = new int[m];
        // breadth-first: a node's parent comes before it, so its local index is known
        java.util.HashMap<Integer, Integer> localOf = java.util.HashMap.newHashMap(m);
        for (int s = 0; s < m; s++) {
            int u = nodes[s];
            localOf.put(u, s);
            k[s] = keys[u];
            w[s] = widthPx[u];
            h[s] = heightPx[u];
            c[s] = collapsed[u];
            p[s] = s == 0 ? -1 : localOf.get(parent[u]);
        }
        int[] start = new int[m + 1];
        int[] kids = new int[Math.max(0, m - 1)];
        int[] sib = new int[m];
        childrenByParent(p, start, kids, sib);
        return new LayoutTree(k, p, start, kids, sib, w, h, c, Map.of(), 0);
    }

    public int size() {
        return keys.length;
    }

    public int root() {
        return root;
    }

    public String key(int node) {
        return keys[node];
    }

    /** The index of a key, or -1 when the tree has no such node. */
    public int indexOf(String key) {
        Integer i = indexByKey.get(key);
        return i == null ? -1 : i;
    }

    public int requireIndex(String key) {
        int i = indexOf(key);
        if (i < 0) throw new IllegalArgumentException("no node with key '" + key + "'");
        return i;
    }

    /** The parent's index, or -1 for the root. */
    public int parent(int node) {
        return parent[node];
    }

    public int childCount(int node) {
        return childStart[node + 1] - childStart[node];
    }

    /** The k-th child (0-based, in sibling order). */
    public int child(int node, int k) {
        return children[childStart[node] + k];
    }

    /** The position of a node among its siblings (0 for the root). */
    public int siblingIndex(int node) {
        return siblingIndex[node];
    }

    public double widthPx(int node) {
        return widthPx[node];
    }

    public double heightPx(int node) {
        return heightPx[node];
    }

    public boolean isCollapsed(int node) {
        return collapsed[node];
    }

    /** Breadth-first order from the root; siblings in order. Also proves the tree is connected. */
    public int[] breadthFirstOrder() {
        int[] order = new int[keys.length];
        int head = 0;
        int tail = 0;
        order[tail++] = root;
        while (head < tail) {
            int v = order[head++];
            for (int k = childStart[v]; k < childStart[v + 1]; k++) {
                if (tail == order.length) throw new IllegalArgumentException("the parent links form a cycle");
                order[tail++] = children[k];
            }
        }
        if (tail != keys.length) throw new IllegalArgumentException((keys.length - tail)
                + " node(s) are not reachable from the root (their parent links form a cycle)");
        return order;
    }

    private void requireAllReachable() {
        breadthFirstOrder();
    }

    private static void requireSize(String key, double w, double h) {
        if (!(w >= 0) || !(h >= 0) || Double.isInfinite(w) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("node '" + key + "' needs a finite size >= 0, was " + w + " x " + h);
        }
    }
}
