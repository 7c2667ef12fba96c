package dev.canopy.diagrams.export;

import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.design.Design;

/**
 * A Graphviz DOT digraph ({@code tree.dot}) of the design for docs, top-down, children in
 * start order ({@code ordering=out}); node ids are generated ({@code n0}, ...) and every
 * label is a DOT string written by {@link Names#dotString}.
 */
public final class DotExporter implements Exporter {

    private static final Map<String, String> STYLE = Map.of(
            "supervisor", "shape=box, style=\"rounded,filled\", fillcolor=\"#dbeafe\", color=\"#1d4ed8\"",
            "dynamic", "shape=box, style=\"rounded,filled\", fillcolor=\"#e0e7ff\", color=\"#4338ca\"",
            "registry", "shape=box, style=\"rounded,filled\", fillcolor=\"#fef3c7\", color=\"#b45309\"",
            "worker", "shape=ellipse, style=filled, fillcolor=\"#dcfce7\", color=\"#15803d\"",
            "template", "shape=ellipse, style=\"filled,dashed\", fillcolor=\"#f3f4f6\", color=\"#6b7280\"");

    @Override
    public String format() {
        return "dot";
    }

    @Override
    public List<ExportedFile> export(Design design) throws ExportException {
        ExportModel m = ExportModel.of(design);
        List<ExportModel.Node> all = m.allNodes();
        StringBuilder b = new StringBuilder();
        b.append("digraph canopy {\n");
        b.append("    label=").append(Names.dotString(design.name())).append(";\n");
        b.append("    labelloc=t;\n    rankdir=TB;\n    ordering=out;\n");
        b.append("    node [fontname=\"Helvetica\", fontsize=11];\n");
        for (int i = 0; i < all.size(); i++) {
            ExportModel.Node n = all.get(i);
            b.append("    n").append(i).append(" [label=").append(Names.dotString(DiagramText.label(n)))
                    .append(", ").append(STYLE.get(DiagramText.styleClass(n))).append("];\n");
        }
        for (int i = 0; i < all.size(); i++) {
            ExportModel.Node n = all.get(i);
            if (n.parent != null) {
                b.append("    n").append(all.indexOf(n.parent)).append(" -> n").append(i)
                        .append(n.template ? " [style=dashed];\n" : ";\n");
            }
        }
        b.append("}\n");
        return List.of(new ExportedFile("tree.dot", b.toString()));
    }
}
