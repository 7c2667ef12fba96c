package dev.canopy.diagrams.export;

import java.util.List;

import dev.canopy.diagrams.design.Design;

/**
 * A Mermaid flowchart ({@code tree.mmd}) of the design for docs: one node per child in start
 * order, labelled with its id, kind and (for supervisors) strategy and restart intensity,
 * styled by kind, with a dashed edge to a dynamic supervisor's child template. Node ids are
 * generated ({@code n0}, {@code n1}, ...); every label goes through {@link Names#mermaidLabel}.
 */
public final class MermaidExporter implements Exporter {

    @Override
    public String format() {
        return "mermaid";
    }

    @Override
    public List<ExportedFile> export(Design design) throws ExportException {
        ExportModel m = ExportModel.of(design);
        List<ExportModel.Node> all = m.allNodes();
        StringBuilder b = new StringBuilder();
        b.append("---\ntitle: ").append(Names.mermaidLabel(design.name())).append("\n---\n");
        b.append("flowchart TD\n");
        for (int i = 0; i < all.size(); i++) {
            ExportModel.Node n = all.get(i);
            String label = DiagramText.label(n);
            String shape = n.design.kind().childType().atom().equals("worker")
                    ? "(" + Names.mermaidLabel(label) + ")" : "[" + Names.mermaidLabel(label) + "]";
            b.append("    n").append(i).append(shape).append(":::").append(DiagramText.styleClass(n)).append('\n');
        }
        for (int i = 0; i < all.size(); i++) {
            ExportModel.Node n = all.get(i);
            if (n.parent != null) {
                b.append("    n").append(all.indexOf(n.parent)).append(n.template ? " -.-> n" : " --> n").append(i).append('\n');
            }
        }
        b.append("    classDef supervisor fill:#dbeafe,stroke:#1d4ed8\n");
        b.append("    classDef dynamic fill:#e0e7ff,stroke:#4338ca\n");
        b.append("    classDef worker fill:#dcfce7,stroke:#15803d\n");
        b.append("    classDef template fill:#f3f4f6,stroke:#6b7280,stroke-dasharray:4 3\n");
        b.append("    classDef registry fill:#fef3c7,stroke:#b45309\n");
        return List.of(new ExportedFile("tree.mmd", b.toString()));
    }
}
