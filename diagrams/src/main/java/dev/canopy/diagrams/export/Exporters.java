package dev.canopy.diagrams.export;

import java.util.List;
import java.util.Optional;

/** The exporters Canopy has, by {@code --format} word. */
public final class Exporters {
    private Exporters() {}

    private static final List<Exporter> ALL = List.of(
            new ElixirExporter(), new ErlangExporter(), new JavaExporter(), new MermaidExporter(), new DotExporter());

    public static List<Exporter> all() {
        return ALL;
    }

    public static List<String> formats() {
        return ALL.stream().map(Exporter::format).toList();
    }

    public static Optional<Exporter> find(String format) {
        return ALL.stream().filter(e -> e.format().equals(format)).findFirst();
    }
}
