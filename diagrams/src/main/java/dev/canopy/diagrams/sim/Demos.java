package dev.canopy.diagrams.sim;

import dev.canopy.diagrams.design.LabAction;

/**
 * Lesson 10's demonstrations, computed for real and counted (not estimated): what a habit costs
 * or gets wrong, against the better habit, on the same input.
 */
final class Demos {
    /** The bytes of each part the iodata demo appends (a short line of a report). */
    static final int PART_BYTES = 16;

    private Demos() {}

    static String run(LabAction.Demo demo, int size) {
        return switch (demo) {
            case IODATA -> iodata(size);
            case MONEY -> money(size);
            case RECURSION -> recursion(size);
        };
    }

    /**
     * acc = acc &lt;&gt; part, size times, where each append copies what was built so far (always so
     * when the binary is prepended to or shared), against collecting parts in a list (iodata) and
     * flattening once with IO.iodata_to_binary: the bytes each copies, counted as it copies them.
     */
    static String iodata(int size) {
        byte[] part = new byte[PART_BYTES];
        long concatCopied = 0;
        byte[] acc = new byte[0];
        for (int i = 0; i < size; i++) {
            byte[] next = new byte[acc.length + part.length];
            System.arraycopy(acc, 0, next, 0, acc.length);
            System.arraycopy(part, 0, next, acc.length, part.length);
            concatCopied += next.length;
            acc = next;
        }
        var parts = new java.util.ArrayList<byte[]>(size);
        for (int i = 0; i < size; i++) parts.add(part);
        byte[] flat = new byte[size * PART_BYTES];
        long iodataCopied = 0;
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, flat, at, p.length);
            at += p.length;
            iodataCopied += p.length;
        }
        if (flat.length != acc.length) throw new IllegalStateException("the two ways built different lengths");
        return "iodata: " + size + " parts of " + PART_BYTES + " bytes (" + flat.length + " bytes in all): repeated <> copied "
                + concatCopied + " bytes; one IO.iodata_to_binary of the list copied " + iodataCopied + " bytes ("
                + (concatCopied / Math.max(1, iodataCopied)) + "x fewer), and a socket or file write takes the list as it is";
    }

    /** Adding 0.10 size times as a float against 10 cents as an integer. */
    static String money(int size) {
        double asFloat = 0;
        long cents = 0;
        for (int i = 0; i < size; i++) {
            asFloat += 0.1;
            cents += 10;
        }
        double exact = size / 10.0;
        return "money: 0.10 added " + size + " times is " + asFloat + " as a float" + (asFloat == exact ? "" : " (not " + exact + ")")
                + "; as integer cents it is " + cents + " cents = " + cents / 100 + "." + String.format(java.util.Locale.ROOT, "%02d", cents % 100);
    }

    /**
     * Summing a list of size: body recursion (sum([h | t]) = h + sum(t)) keeps a frame per element
     * until the end is reached; tail recursion (sum(t, acc + h)) keeps one. Both run here with an
     * explicit stack, and the deepest stack each needed is counted.
     */
    static String recursion(int size) {
        var frames = new java.util.ArrayDeque<Long>();
        int deepest = 0;
        for (long h = 1; h <= size; h++) {
            frames.push(h); // h + sum(t): h waits for the rest
            deepest = Math.max(deepest, frames.size());
        }
        long body = 0;
        while (!frames.isEmpty()) body += frames.pop();
        long acc = 0;
        int tailDeepest = 0;
        for (long h = 1; h <= size; h++) {
            acc += h; // sum(t, acc + h): nothing waits, the one frame is reused
            tailDeepest = 1;
        }
        if (acc != body) throw new IllegalStateException("the two sums differ");
        return "recursion: summing " + size + " numbers (= " + acc + ") by body recursion needed " + deepest
                + " stack frames at its deepest; tail recursion with an accumulator needed " + tailDeepest;
    }
}
