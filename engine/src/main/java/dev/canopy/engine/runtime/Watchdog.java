package dev.canopy.engine.runtime;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.time.Clock;
import dev.canopy.engine.time.SystemClock;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names a process that has kept one thread (a live carrier, or the thread driving a simulation)
 * for too long without waiting. Continuations cannot be pre-empted: such a process holds
 * its thread until it calls the engine again, so the best the engine can do is say which one it
 * is. One daemon thread samples every registered {@link Runner} every {@value #PERIOD_MS} ms; a
 * run that has not changed for {@link #limitMillis()} is reported once, as a warning through
 * {@link System.Logger} ("dev.canopy.engine"). The limit is {@value #DEFAULT_LIMIT_MS} ms unless
 * the system property {@value #LIMIT_PROPERTY} (milliseconds) says otherwise.
 */
final class Watchdog {
    static final long PERIOD_MS = 1000;
    static final long DEFAULT_LIMIT_MS = 10_000;
    static final String LIMIT_PROPERTY = "canopy.watchdog.millis";
    private static final System.Logger LOG = System.getLogger("dev.canopy.engine");

    /** A thread that runs processes one after another. */
    interface Runner {
        /** The process running now, or null. */
        ProcessState running();

        /** How many runs this runner has begun (changes whenever a run ends and another begins). */
        long runs();

        /** Where the process runs, for the message ("carrier canopy-carrier-1"). */
        String where();
    }

    /** What the watchdog last saw of one runner. */
    static final class Observation {
        private final WeakReference<Runner> runner;
        private long runs = -1;
        private long since;
        private boolean reported;

        Observation(Runner runner) { this.runner = new WeakReference<>(runner); }

        /**
         * Looks at the runner at time now; returns the process to report when the same run has
         * lasted at least limit (once per run).
         */
        Optional<Pid> observe(Runner r, long now, long limit) {
            var p = r.running();
            long n = r.runs();
            if (p == null || n != runs) {
                runs = p == null ? -1 : n;
                since = now;
                reported = false;
                return Optional.empty();
            }
            if (!reported && now - since >= limit) {
                reported = true;
                return Optional.of(p.pid);
            }
            return Optional.empty();
        }
    }

    private static final List<Observation> watched = new ArrayList<>();
    private static Thread thread;

    private Watchdog() {}

    static long limitMillis() {
        String v = System.getProperty(LIMIT_PROPERTY);
        if (v == null || v.isBlank()) return DEFAULT_LIMIT_MS;
        try {
            long ms = Long.parseLong(v.trim());
            if (ms > 0) return ms;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + LIMIT_PROPERTY + " must be a positive number of milliseconds, not '" + v + "'");
    }

    /** Starts watching r (for as long as r is reachable). */
    static synchronized void watch(Runner r) {
        watched.add(new Observation(r));
        if (thread == null) {
            long limit = limitMillis();
            thread = new Thread(() -> loop(new SystemClock(), limit), "canopy-watchdog");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void loop(Clock clock, long limit) {
        while (true) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            sample(clock.monotonicMillis(), limit);
        }
    }

    private static synchronized void sample(long now, long limit) {
        var it = watched.iterator();
        while (it.hasNext()) {
            var o = it.next();
            var r = o.runner.get();
            if (r == null) {
                it.remove();
                continue;
            }
            o.observe(r, now, limit).ifPresent(pid -> LOG.log(System.Logger.Level.WARNING, message(pid, r.where(), now - o.since)));
        }
    }

    static String message(Pid pid, String where, long ms) {
        return "process " + pid + " has run on " + where + " for " + ms + " ms without waiting (receive, sleep, call)."
                + " Canopy cannot pre-empt a process: nothing else runs there until it waits or ends."
                + " Is it looping without receive?";
    }
}
