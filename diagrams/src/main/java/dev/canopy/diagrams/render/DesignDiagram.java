package dev.canopy.diagrams.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.layout.LayoutOptions;
import dev.canopy.diagrams.layout.LayoutTree;
import dev.canopy.diagrams.layout.LayoutTreeBuilder;
import dev.canopy.diagrams.layout.TreeLayout;

/**
 * A design as a diagram: one node per design node (keyed by its slash path; a dynamic
 * supervisor's child template included), labelled with its id or label and, below, its kind
 * and restart strategy or its 1-based start order. The same picture for the editor canvas and
 * for the SVG and PNG exports.
 */
public record DesignDiagram(LayoutTree tree, List<NodeVisual> visuals) {

    public static final double EXPORT_MARGIN_PX = 24;

    /** The diagram of a design, every node in the neutral state. */
    public static DesignDiagram of(Design design) {
        return of(design, Map.of());
    }

    /** The diagram with some nodes' state tokens replaced (what-if highlights). */
    public static DesignDiagram of(Design design, Map<String, StyleToken> states) {
        RenderOptions options = RenderOptions.defaults();
        LayoutTreeBuilder b = LayoutTree.builder();
        List<NodeVisual> visuals = new ArrayList<>();
        walk(design.root(), design.root().id(), null, 0, false, b, visuals, states, options);
        return new DesignDiagram(b.build(), visuals);
    }

    private static void walk(DesignNode n, String path, String parent, int order, boolean template,
                             LayoutTreeBuilder b, List<NodeVisual> out, Map<String, StyleToken> states,
                             RenderOptions options) {
        String label = n.label().isBlank() ? n.id() : n.label();
        NodeVisual v = NodeVisual.of(path, label, sublabel(n, order, template), kind(n),
                states.getOrDefault(path, StyleToken.STATE_IGNORED));
        out.add(v);
        b.add(path, parent, NodeSizing.widthPx(v, options), NodeSizing.heightPx());
        int i = 0;
        for (DesignNode c : n.children()) {
            walk(c, path + "/" + c.id(), path, ++i, false, b, out, states, options);
        }
        if (n instanceof DynamicSupervisorNode d && d.childTemplate().isPresent()) {
            DesignNode t = d.childTemplate().get();
            walk(t, path + "/" + t.id(), path, 0, true, b, out, states, options);
        }
    }

    static String sublabel(DesignNode n, int order, boolean template) {
        String kind = n.kind().jsonName().replace('_', ' ');
        String prefix = template ? "template · " : order > 0 ? order + " · " : "";
        if (n instanceof SupervisorNode s) {
            return prefix + s.strategy().name().toLowerCase(Locale.ROOT);
        }
        return prefix + kind;
    }

    public static StyleToken kind(DesignNode n) {
        return switch (n.kind()) {
            case SUPERVISOR -> StyleToken.NODE_SUPERVISOR;
            case DYNAMIC_SUPERVISOR -> StyleToken.NODE_DYNAMIC;
            case TASK_SUPERVISOR -> StyleToken.NODE_TASK_SUPERVISOR;
            case REGISTRY -> StyleToken.NODE_REGISTRY;
            case WORKER -> StyleToken.NODE_WORKER;
        };
    }

    /** The whole tree at scale 1 with a margin, as a display list (what an export shows). */
    public DisplayList wholeTree() {
        Layout layout = TreeLayout.layout(tree, LayoutOptions.defaults());
        NodeVisuals nv = new NodeVisuals(tree);
        for (NodeVisual v : visuals) nv.put(v);
        return DisplayListBuilder.build(layout, nv, Viewport.whole(layout.bounds(), EXPORT_MARGIN_PX));
    }

    /** The design as an SVG document. */
    public static String svg(Design design, Theme theme) {
        return SvgWriter.write(of(design).wholeTree(), theme);
    }

    /** The design as PNG bytes. */
    public static byte[] png(Design design, Theme theme) {
        return PngRenderer.png(of(design).wholeTree(), theme);
    }
}
