package dev.canopy.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.canopy.diagrams.design.DesignKind;

class TreesTest {

    @Test
    void uniqueIdsNumberFromTwo() {
        Set<String> taken = new HashSet<>(Set.of("cache", "cache_2", "worker_1"));
        assertThat(Trees.uniqueId("fresh", taken)).isEqualTo("fresh");
        assertThat(Trees.uniqueId("cache", taken)).isEqualTo("cache_3");
        assertThat(Trees.uniqueId("cache_2", taken)).isEqualTo("cache_4");
        assertThat(Trees.uniqueId("worker_1", taken)).isEqualTo("worker_2");
        assertThat(Trees.uniqueId("x_99999999999999999999", new HashSet<>(Set.of("x_99999999999999999999"))))
                .isEqualTo("x_2");
        assertThat(taken).contains("fresh", "cache_3", "cache_4", "worker_2");
    }

    @Test
    void freshIdsPerKind() {
        var d = Fixtures.design();
        assertThat(Trees.freshId(d, DesignKind.WORKER)).isEqualTo("worker_1");
        assertThat(Trees.freshId(d, DesignKind.SUPERVISOR)).isEqualTo("sup_1");
        assertThat(Trees.freshId(d, DesignKind.DYNAMIC_SUPERVISOR)).isEqualTo("dynamic_sup_1");
        assertThat(Trees.freshId(d, DesignKind.TASK_SUPERVISOR)).isEqualTo("task_sup_1");
        assertThat(Trees.freshId(d, DesignKind.REGISTRY)).isEqualTo("registry_1");
    }

    @Test
    void paths() {
        assertThat(Trees.childPath("", "app")).isEqualTo("app");
        assertThat(Trees.childPath("app", "web")).isEqualTo("app/web");
        assertThat(Trees.within("app/web/cache", "app/web")).isTrue();
        assertThat(Trees.within("app/webx", "app/web")).isFalse();
        assertThat(Trees.lastId("app/web/cache")).isEqualTo("cache");
    }
}
