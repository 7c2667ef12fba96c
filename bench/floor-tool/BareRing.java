package dev.canopy.bench.floor;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The platform's floor under {@code canopy bench ring} and {@code canopy bench sim}: the same ring
 * (N processes, one token passed M hops, process i sends k-1 to i+1) on bare JDK continuations
 * with no engine at all: one thread, a FIFO run queue, an {@code ArrayDeque} per mailbox, a
 * boolean for "waiting". No pids, signals, locks, statuses, matchers, events or clock. Whatever
 * the engine does per hop comes on top of this, so a target above this figure on the same
 * machine cannot be reached with processes as continuations (ADR 0005, fifth round).
 *
 * <p>Usage: {@code BareRing N M WARM ROUNDS NAME}; prints {@code NAME median msgs/s}, then
 * {@code NAME_min} and {@code NAME_max} over the measured rounds, like the other benchmarks.
 */
public final class BareRing {
    private static final ContinuationScope SCOPE = new ContinuationScope("floor");

    /** One process: its mailbox, the next one in the ring, its continuation. */
    private static final class Proc {
        final ArrayDeque<Integer> mailbox = new ArrayDeque<>(4);
        Proc next;
        Continuation continuation;
        boolean waiting;
    }

    private final ArrayDeque<Proc> runnable = new ArrayDeque<>();
    private long delivered;

    private void send(Proc to, Integer message) {
        to.mailbox.add(message);
        delivered++;
        if (to.waiting) {
            to.waiting = false;
            runnable.add(to);
        }
    }

    private static Integer receive(Proc self) {
        Integer m;
        while ((m = self.mailbox.poll()) == null) {
            self.waiting = true;
            Continuation.yield(SCOPE);
        }
        return m;
    }

    private void runUntilIdle() {
        Proc p;
        while ((p = runnable.poll()) != null) p.continuation.run();
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int m = Integer.parseInt(args[1]);
        int warm = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        String name = args[4];
        var ring = new BareRing();
        Proc[] procs = new Proc[n];
        for (int i = 0; i < n; i++) procs[i] = new Proc();
        for (int i = 0; i < n; i++) {
            Proc self = procs[i];
            self.next = procs[(i + 1) % n];
            self.continuation = new Continuation(SCOPE, () -> {
                while (true) {
                    int k = receive(self);
                    if (k > 0) ring.send(self.next, k - 1);
                }
            });
            ring.runnable.add(self);
        }
        ring.runUntilIdle();
        double[] rates = new double[rounds];
        for (int r = -warm; r < rounds; r++) {
            long d0 = ring.delivered;
            long start = System.nanoTime();
            ring.send(procs[0], m);
            ring.runUntilIdle();
            long elapsed = System.nanoTime() - start;
            if (r >= 0) rates[r] = (ring.delivered - d0) * 1e9 / elapsed;
        }
        Arrays.sort(rates);
        double median = rounds % 2 == 1 ? rates[rounds / 2] : (rates[rounds / 2 - 1] + rates[rounds / 2]) / 2;
        System.out.printf("%s %.1f msgs/s%n%s_min %.1f msgs/s%n%s_max %.1f msgs/s%n",
                name, median, name, rates[0], name, rates[rounds - 1]);
    }
}
