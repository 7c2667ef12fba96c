package dev.canopy.engine.runtime;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.Ref;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A process's monitors (ref → the other pid) or its active aliases (ref → null), in the order
 * they were made: signal fan-out walks them in that order, so every run is the same.
 * <p>Why not a {@code LinkedHashMap}: every gen_server call makes a monitor on both sides and an
 * alias, and drops all three when the reply comes. A process almost always holds a handful, so
 * they sit in one array of (ref, pid) pairs scanned by identity, with no entry objects, no
 * hashing and nothing allocated per call; a table that grows past {@value #SMALL} entries (a
 * Registry, a supervisor shutting down thousands of children) moves to a {@code LinkedHashMap}
 * for good, so removals stay O(1) there.
 * <p>Rules: refs are unique (a table never receives a ref it holds); read and written only with
 * the node locked, like the rest of {@link ProcessState}.
 */
final class RefTable {
    static final int SMALL = 8;
    /** The empty table that views hand out for a process that never made one; never written. */
    static final RefTable NONE = new RefTable();

    /** Small mode: ref at 2i, its pid at 2i + 1, insertion order; null once large. */
    private Object[] pairs = new Object[4];
    private int size;
    /** Large mode: made when the table first outgrows {@link #SMALL}. */
    private LinkedHashMap<Ref, Pid> large;

    int size() { return large != null ? large.size() : size; }

    boolean isEmpty() { return size() == 0; }

    /** Adds ref (not already present) with its pid (null for an alias). */
    void put(Ref ref, Pid pid) {
        if (this == NONE) throw new IllegalStateException("the shared empty table was written to");
        if (large != null) {
            large.put(ref, pid);
            return;
        }
        if (size == SMALL) {
            large = new LinkedHashMap<>(2 * SMALL);
            for (int i = 0; i < size; i++) large.put((Ref) pairs[2 * i], (Pid) pairs[2 * i + 1]);
            large.put(ref, pid);
            pairs = null;
            size = 0;
            return;
        }
        if (2 * size == pairs.length) pairs = Arrays.copyOf(pairs, Math.min(2 * pairs.length, 2 * SMALL));
        pairs[2 * size] = ref;
        pairs[2 * size + 1] = pid;
        size++;
    }

    boolean contains(Ref ref) { return large != null ? large.containsKey(ref) : indexOf(ref) >= 0; }

    /** Removes ref; true when it was there. */
    boolean remove(Ref ref) {
        if (large != null) {
            if (!large.containsKey(ref)) return false;
            large.remove(ref);
            return true;
        }
        int i = indexOf(ref);
        if (i < 0) return false;
        removeAt(i);
        return true;
    }

    /** Removes ref and returns its pid, or null when it was not there. */
    Pid take(Ref ref) {
        if (large != null) return large.remove(ref);
        int i = indexOf(ref);
        if (i < 0) return null;
        var pid = (Pid) pairs[2 * i + 1];
        removeAt(i);
        return pid;
    }

    /** Every (ref, pid) in insertion order; the action must not change this table. */
    void forEach(BiConsumer<Ref, Pid> action) {
        if (large != null) {
            large.forEach(action);
            return;
        }
        for (int i = 0; i < size; i++) action.accept((Ref) pairs[2 * i], (Pid) pairs[2 * i + 1]);
    }

    /** A copy of the entries in insertion order (for callers that change the table while they walk it). */
    List<Map.Entry<Ref, Pid>> entries() {
        var out = new ArrayList<Map.Entry<Ref, Pid>>(size());
        forEach((ref, pid) -> out.add(new AbstractMap.SimpleImmutableEntry<>(ref, pid)));
        return out;
    }

    /** A copy of the pids in insertion order. */
    List<Pid> values() {
        var out = new ArrayList<Pid>(size());
        forEach((ref, pid) -> out.add(pid));
        return out;
    }

    private int indexOf(Ref ref) {
        // Refs are compared by identity first: the caller nearly always holds the very object stored.
        for (int i = 0; i < size; i++) if (pairs[2 * i] == ref) return i;
        for (int i = 0; i < size; i++) if (ref.equals(pairs[2 * i])) return i;
        return -1;
    }

    private void removeAt(int i) {
        int tail = size - i - 1;
        if (tail > 0) System.arraycopy(pairs, 2 * i + 2, pairs, 2 * i, 2 * tail);
        size--;
        pairs[2 * size] = null;
        pairs[2 * size + 1] = null;
    }
}
