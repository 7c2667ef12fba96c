package dev.canopy.app.ui.main;

import java.util.List;

import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.edit.ProblemIndex;

/** A run that did not start: the design and its errors, each filed under its node and field. */
public record BlockedRun(DocumentViewModel document, List<ProblemIndex.Placed> problems) {

    /** "design name" or "node root/a, restart": where a problem is, in words. */
    public static String where(ProblemIndex.Placed p) {
        String field = p.field().replace('_', ' ');
        if (p.nodePath().isEmpty()) return "design" + (field.isEmpty() ? "" : " " + field);
        return p.nodePath() + (field.isEmpty() ? "" : ", " + field);
    }
}
