package dev.canopy.engine.runtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The node lock: a {@link ReentrantLock} whose nested holds cost no atomic operation.
 * <p>Why: a simulation step holds the lock for the whole step, and every engine call of the
 * process it runs takes it again (a ring hop: about six nested holds). A nested
 * {@code ReentrantLock.lock()} and {@code unlock()} each write the lock's volatile state, a
 * full fence on x86. Here only the first hold takes the real lock; the nested ones count in a
 * plain field that only the owning thread touches, and the real lock's release and acquire
 * publish it to the next owner (it is always back to zero by then).
 * <p>Rules: the same as a {@code ReentrantLock}; a condition may be awaited only with one hold
 * (the timer thread's), since awaiting releases the real lock and would leave the nested count
 * to the next owner.
 */
final class NodeLock {
    private final ReentrantLock lock = new ReentrantLock();
    /** Holds beyond the first, by the owning thread; read and written only by the owner. */
    private int nested;

    void lock() {
        // A thread can only see itself as the owner if it is the owner (the owner field is
        // written by the owning thread itself, on acquire and on release).
        if (lock.isHeldByCurrentThread()) {
            nested++;
        } else {
            lock.lock();
        }
    }

    void unlock() {
        if (nested > 0 && lock.isHeldByCurrentThread()) {
            nested--;
        } else {
            lock.unlock();
        }
    }

    /** How many holds the calling thread has (0 when it does not own the lock). */
    int getHoldCount() { return lock.isHeldByCurrentThread() ? 1 + nested : 0; }

    boolean isHeldByCurrentThread() { return lock.isHeldByCurrentThread(); }

    /** A condition of the real lock, to be awaited with exactly one hold. */
    Condition newCondition() {
        Condition real = lock.newCondition();
        return new OneHoldCondition(real);
    }

    /** Refuses to wait with nested holds: the count would stay behind for the next owner. */
    private final class OneHoldCondition implements Condition {
        private final Condition real;

        OneHoldCondition(Condition real) { this.real = real; }

        private void checkOneHold() {
            if (nested != 0) throw new IllegalStateException("a node lock condition was awaited with nested holds");
        }

        @Override public void await() throws InterruptedException { checkOneHold(); real.await(); }

        @Override public void awaitUninterruptibly() { checkOneHold(); real.awaitUninterruptibly(); }

        @Override public long awaitNanos(long nanos) throws InterruptedException { checkOneHold(); return real.awaitNanos(nanos); }

        @Override public boolean await(long time, TimeUnit unit) throws InterruptedException { checkOneHold(); return real.await(time, unit); }

        @Override public boolean awaitUntil(java.util.Date deadline) throws InterruptedException { checkOneHold(); return real.awaitUntil(deadline); }

        @Override public void signal() { real.signal(); }

        @Override public void signalAll() { real.signalAll(); }
    }
}
