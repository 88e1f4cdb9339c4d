package io.perdura.sdk.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeterministicSchedulerTests {

    private final DeterministicScheduler scheduler = new DeterministicScheduler("test", Duration.ofSeconds(5));
    private final List<String> trace = new CopyOnWriteArrayList<>();
    private boolean stop;

    @AfterEach
    void destroy() {
        scheduler.destroy();
    }

    @Test
    void runsCoroutinesInCreationOrderUntilAllBlock() {
        int[] counter = {0};
        scheduler.spawn("a", () -> {
            trace.add("a1");
            DeterministicScheduler.current().await(() -> counter[0] >= 1);
            trace.add("a2");
            counter[0]++;
        });
        scheduler.spawn("b", () -> {
            trace.add("b1");
            counter[0]++;
            DeterministicScheduler.current().await(() -> counter[0] >= 2);
            trace.add("b2");
        });

        scheduler.runUntilBlocked(() -> stop);

        assertThat(trace).containsExactly("a1", "b1", "a2", "b2");
        assertThat(scheduler.hasLiveCoroutines()).isFalse();
    }

    @Test
    void callbacksRunBeforeTheOtherCoroutinesOfTheNextPassInTheOrderTheyWereSpawned() {
        boolean[] ready = {false};
        scheduler.spawn("a", () -> {
            trace.add("a1");
            DeterministicScheduler.current().await(() -> ready[0]);
            trace.add("a2");
        });
        scheduler.spawn("b", () -> {
            trace.add("b1");
            scheduler.spawnCallback("from-b", () -> trace.add("callback from b"));
            trace.add("b2");
        });
        scheduler.spawnCallback("first", () -> trace.add("callback 1"));
        scheduler.spawnCallback("second", () -> {
            trace.add("callback 2");
            ready[0] = true;
        });

        scheduler.runUntilBlocked(() -> stop);

        assertThat(trace).containsExactly("callback 1", "callback 2", "a1", "a2", "b1", "b2", "callback from b");
        assertThat(scheduler.hasLiveCoroutines()).isFalse();
    }

    @Test
    void callbacksNoCodeCanObserveRunInlineUntilOneNeedsACoroutine() {
        Thread driver = Thread.currentThread();
        List<Boolean> onDriver = new CopyOnWriteArrayList<>();
        scheduler.spawn("a", () -> trace.add("a"));
        for (String name : List.of("inline 1", "inline 2")) {
            scheduler.spawnCallback(name, () -> trace.add(name + " in coroutine"), () -> true, () -> {
                trace.add(name);
                onDriver.add(Thread.currentThread() == driver);
            });
        }
        scheduler.spawnCallback("needs coroutine", () -> trace.add("needs coroutine"), () -> false, () -> {});
        scheduler.spawnCallback("after it", () -> trace.add("after it in coroutine"), () -> true, () -> {
            trace.add("after it inline");
        });

        scheduler.runUntilBlocked(() -> stop);

        assertThat(trace).containsExactly("inline 1", "inline 2", "needs coroutine", "after it in coroutine", "a");
        assertThat(onDriver).containsExactly(true, true);
    }

    @Test
    void destroyDropsCallbacksThatNeverRan() {
        scheduler.spawnCallback("never", () -> trace.add("ran"));

        scheduler.destroy();

        assertThat(trace).isEmpty();
        assertThatThrownBy(() -> scheduler.spawnCallback("late", () -> {})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sameProgramAlwaysProducesTheSameInterleaving() {
        List<List<String>> runs = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            DeterministicScheduler s = new DeterministicScheduler("repeat", Duration.ofSeconds(5));
            List<String> order = new CopyOnWriteArrayList<>();
            int[] shared = {0};
            for (int c = 0; c < 4; c++) {
                int id = c;
                s.spawn("c" + c, () -> {
                    for (int step = 0; step < 3; step++) {
                        order.add(id + ":" + step);
                        int target = shared[0] + 1;
                        shared[0] = target;
                        DeterministicScheduler.current().await(() -> shared[0] >= target + 1 || id == 3);
                    }
                });
            }
            s.runUntilBlocked(() -> false);
            runs.add(List.copyOf(order));
            s.destroy();
        }
        assertThat(runs).allSatisfy(order -> assertThat(order).isEqualTo(runs.getFirst()));
    }

    @Test
    void blockedCoroutineResumesInALaterLoopOnceItsConditionHolds() {
        boolean[] flag = {false};
        scheduler.spawn("waiter", () -> {
            DeterministicScheduler.current().await(() -> flag[0]);
            trace.add("resumed");
        });

        scheduler.runUntilBlocked(() -> stop);
        assertThat(trace).isEmpty();
        assertThat(scheduler.liveCoroutineCount()).isEqualTo(1);

        flag[0] = true;
        scheduler.runUntilBlocked(() -> stop);
        assertThat(trace).containsExactly("resumed");
    }

    @Test
    void stopConditionEndsTheLoopBeforeLaterCoroutinesRun() {
        scheduler.spawn("first", () -> {
            trace.add("first");
            stop = true;
        });
        scheduler.spawn("second", () -> trace.add("second"));

        scheduler.runUntilBlocked(() -> stop);

        assertThat(trace).containsExactly("first");
    }

    @Test
    void failureOfACoroutineIsReported() {
        scheduler.spawn("failing", () -> {
            throw new IllegalArgumentException("bad");
        });

        assertThatThrownBy(() -> scheduler.runUntilBlocked(() -> stop))
                .isInstanceOf(DeterministicScheduler.CoroutineFailedException.class)
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad");
    }

    @Test
    void destroyUnwindsParkedCoroutinesAndEndsTheirThreads() throws Exception {
        AtomicReference<Thread> thread = new AtomicReference<>();
        scheduler.spawn("parked", () -> {
            thread.set(Thread.currentThread());
            try {
                DeterministicScheduler.current().await(() -> false);
            } finally {
                trace.add("unwound");
            }
        });
        scheduler.spawn("finishing", () -> trace.add("finished"));
        scheduler.runUntilBlocked(() -> false);
        assertThat(thread.get().isAlive()).isTrue();

        scheduler.destroy();

        assertThat(thread.get().join(Duration.ofSeconds(5))).isTrue();
        assertThat(trace).containsExactly("finished", "unwound");
        assertThat(scheduler.hasLiveCoroutines()).isFalse();
    }

    @Test
    void coroutineThatNeverBlocksIsReportedAsPotentialDeadlock() {
        DeterministicScheduler strict = new DeterministicScheduler("strict", Duration.ofMillis(200));
        Object lock = new Object();
        strict.spawn("spinner", () -> {
            synchronized (lock) {
                try {
                    lock.wait(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        assertThatThrownBy(() -> strict.runUntilBlocked(() -> false))
                .isInstanceOf(DeterministicScheduler.PotentialDeadlockException.class)
                .hasMessageContaining("did not block or finish");
        strict.destroy();
    }

    @Test
    void awaitOutsideItsCoroutineIsRejected() {
        DeterministicScheduler.Coroutine coroutine = scheduler.spawn("c", () -> {});

        assertThatThrownBy(() -> coroutine.await(() -> true)).isInstanceOf(IllegalStateException.class);
    }
}
