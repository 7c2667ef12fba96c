package dev.canopy.diagrams.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import org.junit.jupiter.api.Test;

/** A storm that runs for hours keeps the latest lines of its log, not all of them (bench soak found the leak). */
class BoundedLogTest {

    @Test
    void the_log_keeps_its_latest_lines_and_new_lines_are_read_by_sequence() {
        var observer = new SimObserver(Design.of("d", "", SupervisorNode.of("root", List.of(WorkerNode.of("w")))), new ProcessBook());
        int total = SimObserver.LOG_LIMIT + 5;
        for (int i = 0; i < total; i++) observer.add(i, "root/w", SimEvent.Kind.INPUT, "line " + i);
        List<SimEvent> log = observer.log();
        assertThat(log).hasSize(SimObserver.LOG_LIMIT);
        assertThat(log.getFirst().seq()).isEqualTo(6);
        assertThat(log.getLast().seq()).isEqualTo(total);
        assertThat(observer.after(total - 2)).extracting(SimEvent::seq).containsExactly((long) total - 1, (long) total);
        assertThat(observer.after(0)).hasSize(SimObserver.LOG_LIMIT);
    }
}
