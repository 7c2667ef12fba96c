package dev.canopy.engine.runtime;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.Ref;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A process's monitor table must behave exactly like the insertion-ordered map it replaced
 * (signal fan-out walks it in that order), below and above the size where it changes
 * representation, and whether a ref is looked up by the same object or an equal one.
 */
class RefTableTest {
    /** An operation: put a fresh ref (op >= 0, its pid op) or remove the i-th ref ever made (op < 0, i = -op - 1). */
    @Property(tries = 300)
    void behaves_like_an_insertion_ordered_map(@ForAll("operations") List<Integer> ops) {
        var table = new RefTable();
        var model = new LinkedHashMap<Ref, Pid>();
        var made = new ArrayList<Ref>();
        for (int op : ops) {
            if (op >= 0) {
                var ref = new Ref(made.size() + 1);
                made.add(ref);
                var pid = op % 5 == 0 ? null : new Pid(op);
                table.put(ref, pid);
                model.put(ref, pid);
            } else if (!made.isEmpty()) {
                // An equal ref, not the stored object, every other time.
                var stored = made.get((-op - 1) % made.size());
                var ref = op % 2 == 0 ? stored : new Ref(stored.id());
                boolean present = model.containsKey(ref);
                assertThat(table.contains(ref)).isEqualTo(present);
                if (op % 3 == 0) {
                    assertThat(table.remove(ref)).isEqualTo(present);
                } else {
                    assertThat(table.take(ref)).isEqualTo(model.get(ref));
                }
                model.remove(ref);
            }
            assertThat(table.size()).isEqualTo(model.size());
            assertThat(table.isEmpty()).isEqualTo(model.isEmpty());
            assertThat(table.values()).containsExactlyElementsOf(model.values());
            assertThat(table.entries()).containsExactlyElementsOf(
                    model.entrySet().stream().map(e -> (Map.Entry<Ref, Pid>) new java.util.AbstractMap.SimpleImmutableEntry<>(e)).toList());
        }
    }

    @Provide
    Arbitrary<List<Integer>> operations() {
        return Arbitraries.integers().between(-40, 40).list().ofMaxSize(60);
    }

    @Test
    void walks_its_entries_in_the_order_they_were_made_past_the_small_size() {
        var table = new RefTable();
        var expected = new ArrayList<Pid>();
        for (int i = 1; i <= 3 * RefTable.SMALL; i++) {
            table.put(new Ref(i), new Pid(i));
            expected.add(new Pid(i));
        }
        table.remove(new Ref(2));
        expected.remove(new Pid(2));
        var walked = new ArrayList<Pid>();
        table.forEach((ref, pid) -> walked.add(pid));
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    void the_shared_empty_table_refuses_writes() {
        assertThat(RefTable.NONE.isEmpty()).isTrue();
        assertThatThrownBy(() -> RefTable.NONE.put(new Ref(1), null)).isInstanceOf(IllegalStateException.class);
    }
}
