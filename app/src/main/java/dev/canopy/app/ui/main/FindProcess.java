package dev.canopy.app.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignKind;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;

/** "Find a process by name": the nodes of a design whose id or label contains a text (ignoring case), in tree order. */
public final class FindProcess {

    /** One node found: its slash path, id, label and kind. */
    public record Match(String path, String id, String label, DesignKind kind) {
        @Override public String toString() {
            return id + (label.isEmpty() ? "" : "  ·  " + label) + "   (" + kind.jsonName().replace('_', ' ') + ")";
        }
    }

    private FindProcess() {
    }

    /** Every node whose id or label contains {@code text}; every node when the text is blank. */
    public static List<Match> matches(Design design, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<Match> out = new ArrayList<>();
        for (String path : DesignPaths.allPaths(design)) {
            DesignNode n = DesignPaths.find(design, path).orElse(null);
            if (n == null) continue;
            if (t.isEmpty() || n.id().toLowerCase(Locale.ROOT).contains(t) || n.label().toLowerCase(Locale.ROOT).contains(t)) {
                out.add(new Match(path, n.id(), n.label(), n.kind()));
            }
        }
        return out;
    }
}
