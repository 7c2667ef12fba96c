package dev.canopy.diagrams.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The inputs a run recorded for replay, in order, up to a cap. A replay starts from the design and
 * seed and plays the inputs again, so only a prefix of them can be dropped without losing
 * exactness: when the record is full, later inputs still apply to the run but are not kept, and
 * rewinding reaches only up to just before the first input that was not kept
 * ({@link #rewindLimitMs()}). That keeps a long restart storm's memory flat. The cap keeps the
 * first inputs, not the latest: dropping the oldest would make every replay from the start wrong.
 */
public final class InputRecord {
    /** Inputs kept per run: at 1,000 faults a second, the first 100 s of a storm. */
    public static final int DEFAULT_CAP = 100_000;

    private final int cap;
    private final ArrayList<TimedInput> kept = new ArrayList<>();
    private long firstUnkeptAtMs = -1;
    private long unkept;

    public InputRecord(int cap) {
        if (cap < 1) throw new IllegalArgumentException("an input record keeps at least one input, not " + cap);
        this.cap = cap;
    }

    public InputRecord() {
        this(DEFAULT_CAP);
    }

    /** Keeps the input if there is room; false when the record is full and the input is not kept. */
    public boolean add(TimedInput input) {
        if (firstUnkeptAtMs < 0 && kept.size() < cap) {
            kept.add(input);
            return true;
        }
        if (firstUnkeptAtMs < 0) firstUnkeptAtMs = input.atMs();
        unkept++;
        return false;
    }

    /** The kept inputs, oldest first (a read-only view). */
    public List<TimedInput> list() {
        return Collections.unmodifiableList(kept);
    }

    public int size() {
        return kept.size();
    }

    public int cap() {
        return cap;
    }

    /** True once an input was not kept. */
    public boolean full() {
        return firstUnkeptAtMs >= 0;
    }

    /** Inputs applied but not kept. */
    public long unkept() {
        return unkept;
    }

    /**
     * The latest virtual time a replay of the kept inputs reproduces exactly: just before the first
     * input that was not kept, or {@link Long#MAX_VALUE} while every input is kept.
     */
    public long rewindLimitMs() {
        return firstUnkeptAtMs < 0 ? Long.MAX_VALUE : Math.max(0, firstUnkeptAtMs - 1);
    }

    /** Drops the inputs after t (a new branch from t): everything before t was kept, so the record has room again. */
    public void dropAfter(long t) {
        kept.removeIf(in -> in.atMs() > t);
        firstUnkeptAtMs = -1;
        unkept = 0;
    }

    /** What the log and status line say once the record is full. */
    public static String fullMessage(int cap, long rewindLimitMs) {
        return String.format(java.util.Locale.ROOT, "rewind history is full: the first %,d inputs are kept, so rewinding reaches"
                + " up to %,d ms; later inputs still apply but cannot be replayed", cap, rewindLimitMs);
    }
}
