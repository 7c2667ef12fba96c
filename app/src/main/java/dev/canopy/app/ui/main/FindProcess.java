package dev.canopy.app.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignKind;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.WorkerNode;

/**
 * "Find a process": the nodes whose id, label, registered name or via-key contains a text
 * (ignoring case), in tree order. In the editor the nodes are the design's; in the simulator
 * they are the processes on the canvas, including children a dynamic supervisor started on
 * demand (named after its template, with their own via-key).
 */
public final class FindProcess {

    /** One node found: its slash path, id, label, kind and name ({@code MyApp.Cache}, {@code {:via, reg, key}}, or ""). */
    public record Match(String path, String id, String label, DesignKind kind, String name) {
        @Override public String toString() {
            return id + (label.isEmpty() || label.equals(id) ? "" : "  ·  " + label) + (name.isEmpty() ? "" : "  ·  " + name)
                    + "   (" + kind.jsonName().replace('_', ' ') + ")";
        }
    }

    /** A node shown on a canvas: its path and the label drawn on it. */
    public record Shown(String path, String label) {
    }

    private FindProcess() {
    }

    /** Every design node matching {@code text}; every node when the text is blank. */
    public static List<Match> matches(Design design, String text) {
        List<Shown> shown = new ArrayList<>();
        for (String path : DesignPaths.allPaths(design)) shown.add(new Shown(path, ""));
        return matches(design, shown, text);
    }

    /** The shown nodes matching {@code text}, described from the design (or their template). */
    public static List<Match> matches(Design design, List<Shown> shown, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<Match> out = new ArrayList<>();
        for (Shown s : shown) {
            Optional<Match> m = describe(design, s);
            if (m.isPresent() && (t.isEmpty() || contains(m.get().id(), t) || contains(m.get().label(), t)
                    || contains(m.get().name(), t))) {
                out.add(m.get());
            }
        }
        return out;
    }

    private static boolean contains(String s, String lower) {
        return s.toLowerCase(Locale.ROOT).contains(lower);
    }

    private static Optional<Match> describe(Design design, Shown s) {
        String id = s.path().substring(s.path().lastIndexOf('/') + 1);
        Optional<DesignNode> node = DesignPaths.find(design, s.path());
        if (node.isPresent()) {
            DesignNode n = node.get();
            String label = n.label().isBlank() ? s.label() : n.label();
            return Optional.of(new Match(s.path(), n.id(), label, n.kind(), n instanceof WorkerNode w ? name(w.naming(), "") : ""));
        }
        // A child started on demand: <template id>_<n> under a dynamic supervisor.
        Optional<DesignNode> parent = DesignPaths.parentPath(s.path()).flatMap(p -> DesignPaths.find(design, p));
        if (parent.isPresent() && parent.get() instanceof DynamicSupervisorNode d && d.childTemplate().isPresent()) {
            WorkerNode template = d.childTemplate().get();
            String suffix = id.startsWith(template.id() + "_") ? id.substring(template.id().length()) : "";
            return Optional.of(new Match(s.path(), id, s.label(), template.kind(), name(template.naming(), suffix)));
        }
        return Optional.of(new Match(s.path(), id, s.label(), DesignKind.WORKER, ""));
    }

    /** The registered name as Elixir writes it; a via-key gets the on-demand child's suffix. */
    private static String name(Naming naming, String viaSuffix) {
        return switch (naming) {
            case Naming.None n -> "";
            case Naming.Local l -> l.name();
            case Naming.Global g -> "{:global, " + g.name() + "}";
            case Naming.Via v -> "{:via, " + v.registryId() + ", " + v.key() + viaSuffix + "}";
        };
    }
}
