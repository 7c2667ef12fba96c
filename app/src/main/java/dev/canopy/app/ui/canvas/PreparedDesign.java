package dev.canopy.app.ui.canvas;

import dev.canopy.app.ui.edit.ProblemIndex;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.layout.LayoutOptions;
import dev.canopy.diagrams.layout.TreeLayout;
import dev.canopy.diagrams.render.DesignDiagram;

/**
 * A design with the work that opening it needs done in advance: its problems, its diagram and
 * that diagram's layout. A big file (100k nodes) takes a noticeable time for each, so
 * {@code MainViewModel.openFile} prepares it on a background thread and the FX thread only adopts
 * the results. Toolkit-free and immutable: safe to hand from one thread to another.
 */
public record PreparedDesign(Design design, ProblemIndex problems, DesignDiagram diagram, Layout layout) {

    /** The steps of {@link #of}, for a progress indication. */
    public enum Step { VALIDATING, DRAWING, LAYING_OUT }

    public static PreparedDesign of(Design design, java.util.function.Consumer<Step> progress) {
        progress.accept(Step.VALIDATING);
        ProblemIndex problems = ProblemIndex.validate(design);
        progress.accept(Step.DRAWING);
        DesignDiagram diagram = DesignDiagram.of(design);
        progress.accept(Step.LAYING_OUT);
        Layout layout = TreeLayout.layout(diagram.tree(), LayoutOptions.defaults());
        return new PreparedDesign(design, problems, diagram, layout);
    }
}
