package dev.canopy.engine.runtime;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The node lock: nested holds are counted without the real lock, and it is a lock all the same. */
class NodeLockTest {
    @Test
    void nested_holds_are_counted_and_released_in_order() {
        var lock = new NodeLock();
        assertThat(lock.getHoldCount()).isZero();
        lock.lock();
        lock.lock();
        lock.lock();
        assertThat(lock.getHoldCount()).isEqualTo(3);
        lock.unlock();
        lock.unlock();
        assertThat(lock.getHoldCount()).isEqualTo(1);
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        lock.unlock();
        assertThat(lock.getHoldCount()).isZero();
        assertThat(lock.isHeldByCurrentThread()).isFalse();
    }

    @Test
    void another_thread_waits_until_the_last_nested_hold_is_released() throws Exception {
        var lock = new NodeLock();
        lock.lock();
        lock.lock();
        var entered = new AtomicBoolean();
        var started = new CountDownLatch(1);
        var other = CompletableFuture.runAsync(() -> {
            started.countDown();
            lock.lock();
            try {
                entered.set(true);
                assertThat(lock.getHoldCount()).isEqualTo(1);
            } finally {
                lock.unlock();
            }
        });
        started.await();
        lock.unlock();
        // One hold is left: the other thread cannot have entered (checked before the last release).
        assertThat(entered).isFalse();
        assertThat(lock.getHoldCount()).isEqualTo(1);
        lock.unlock();
        other.get(10, TimeUnit.SECONDS);
        assertThat(entered).isTrue();
    }

    @Test
    void unlocking_a_lock_not_held_is_refused() {
        var lock = new NodeLock();
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
    }

    @Test
    void a_condition_is_awaited_with_one_hold_only() throws Exception {
        var lock = new NodeLock();
        var condition = lock.newCondition();
        lock.lock();
        try {
            assertThat(condition.await(1, TimeUnit.MILLISECONDS)).isFalse();
            lock.lock();
            try {
                assertThatThrownBy(() -> condition.await(1, TimeUnit.MILLISECONDS))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("nested holds");
            } finally {
                lock.unlock();
            }
        } finally {
            lock.unlock();
        }
        assertThat(lock.getHoldCount()).isZero();
    }
}
