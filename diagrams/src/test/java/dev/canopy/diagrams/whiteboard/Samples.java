package dev.canopy.diagrams.whiteboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.LoadResult;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.supervisor.Restart;

/** Sample designs and small edits for the whiteboard tests. */
final class Samples {
    private Samples() {
    }

    static Design load(String name) {
        var result = DesignFiles.load(Path.of("../samples/" + name + ".canopy.json"));
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).design();
    }

    static DesignNode at(Design d, String path) {
        return DesignPaths.find(d, path).orElseThrow();
    }

    static Design restart(Design d, String path, Restart restart) {
        var n = at(d, path);
        return DesignPaths.replace(d, path, n.withSpec(n.spec().withRestart(restart)));
    }

    static Design significant(Design d, String path) {
        var n = at(d, path);
        return DesignPaths.replace(d, path, n.withSpec(n.spec().withSignificant(true)));
    }

    static Design sup(Design d, String path, java.util.function.UnaryOperator<SupervisorNode> f) {
        return DesignPaths.replace(d, path, f.apply((SupervisorNode) at(d, path)));
    }

    static Design worker(Design d, String path, java.util.function.UnaryOperator<WorkerNode> f) {
        return DesignPaths.replace(d, path, f.apply((WorkerNode) at(d, path)));
    }
}
