package dev.chartroom.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Wakes this node's worker early: when a local commit enqueued a job, a slot became free, or a job
 * this node rescheduled falls due before the next regular poll. Other nodes find the work by polling.
 */
@Component
class JobSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Clock clock;
    private boolean pending;
    private Instant due;

    JobSignal(Clock clock) {
        this.clock = clock;
    }

    void wake() {
        lock.lock();
        try {
            pending = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Asks for a poll no later than {@code at}. */
    void dueAt(Instant at) {
        lock.lock();
        try {
            if (due == null || at.isBefore(due)) {
                due = at;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a wake-up, a due time, or {@code max}, whichever comes first. */
    void await(Duration max) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + max.toNanos();
            while (!pending) {
                long remaining = deadline - System.nanoTime();
                if (due != null) {
                    remaining = Math.min(
                            remaining, Duration.between(clock.instant(), due).toNanos());
                }
                if (remaining <= 0) {
                    break;
                }
                changed.awaitNanos(remaining);
            }
            pending = false;
            if (due != null && !due.isAfter(clock.instant())) {
                due = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
