package dev.canopy.diagrams.layout;

import java.util.HashMap;
import java.util.Map;

/**
 * Small trees written as text for tests: {@code "R>A,B; A>a1,a2"} lists each parent's children
 * in order; the first parent named is the root. Sizes default to 100 × 40 and can be set per key
 * as {@code "A=60x20"} entries.
 */
final class TreeSpec {
    private TreeSpec() {
    }

    static LayoutTree parse(String structure, String... sizes) {
        Map<String, double[]> size = new HashMap<>();
        for (String s : sizes) {
            String[] kv = s.split("=");
            String[] wh = kv[1].split("x");
            size.put(kv[0], new double[] {Double.parseDouble(wh[0]), Double.parseDouble(wh[1])});
        }
        LayoutTreeBuilder b = LayoutTree.builder();
        boolean first = true;
        for (String family : structure.split(";")) {
            String[] pc = family.trim().split(">");
            String parent = pc[0].trim();
            if (first) {
                add(b, parent, null, size);
                first = false;
            }
            if (pc.length == 1) continue;
            for (String child : pc[1].split(",")) add(b, child.trim(), parent, size);
        }
        return b.build();
    }

    private static void add(LayoutTreeBuilder b, String key, String parent, Map<String, double[]> size) {
        double[] wh = size.getOrDefault(key, new double[] {100, 40});
        b.add(key, parent, wh[0], wh[1]);
    }
}
