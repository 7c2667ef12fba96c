package dev.canopy.engine.process;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pids and refs are values: equal exactly when their parts are equal, with equal hashes. Their
 * equals and hashCode are written out (for the JIT's warm-up), so they are checked here against
 * what a record with the same components gives.
 */
class IdentityValuesTest {
    private record PidParts(int node, long id) {}

    private record RefParts(long id) {}

    @Property
    void pids_are_equal_exactly_when_node_and_number_are(@ForAll int nodeA, @ForAll long idA, @ForAll int nodeB, @ForAll long idB) {
        var a = new Pid(nodeA, idA);
        var b = new Pid(nodeB, idB);
        assertThat(a.equals(b)).isEqualTo(nodeA == nodeB && idA == idB);
        assertThat(a.equals(new Pid(nodeA, idA))).isTrue();
        assertThat(a.equals(null)).isFalse();
        assertThat(a.equals(new Ref(idA))).isFalse();
        // The same hash as a record of the same parts: maps keyed by pids keep their order.
        assertThat(a.hashCode()).isEqualTo(new PidParts(nodeA, idA).hashCode());
    }

    @Property
    void refs_are_equal_exactly_when_their_numbers_are(@ForAll long idA, @ForAll long idB) {
        var a = new Ref(idA);
        assertThat(a.equals(new Ref(idB))).isEqualTo(idA == idB);
        assertThat(a.equals(new Pid(idA))).isFalse();
        assertThat(a.hashCode()).isEqualTo(new RefParts(idA).hashCode());
    }

    private record AtomParts(String name) {}

    @Property
    void atoms_are_equal_exactly_when_their_names_are(@ForAll("names") String a, @ForAll("names") String b) {
        var atom = new dev.canopy.engine.term.Term.Atom(a);
        assertThat(atom.equals(new dev.canopy.engine.term.Term.Atom(b))).isEqualTo(a.equals(b));
        assertThat(atom.equals(a)).isFalse();
        assertThat(atom.hashCode()).isEqualTo(new AtomParts(a).hashCode());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> names() {
        return net.jqwik.api.Arbitraries.of("normal", "kill", "killed", "shutdown", "noproc", "x", "normal_");
    }
}
