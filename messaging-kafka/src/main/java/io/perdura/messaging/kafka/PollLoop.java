package io.perdura.messaging.kafka;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer polled on its own thread until {@link #close()}: each record goes to {@code each}; a
 * failed poll (Kafka unreachable) is logged and retried; closing wakes the poll and closes the
 * consumer. A consumer is not thread-safe: after {@link #start} only the loop's thread (and the
 * callbacks it runs) may use it.
 */
final class PollLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PollLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String name;
    private final Consumer<String, byte[]> consumer;
    private final java.util.function.Consumer<ConsumerRecord<String, byte[]>> each;
    private volatile boolean running = true;
    private Thread thread;

    PollLoop(
            String name,
            Consumer<String, byte[]> consumer,
            java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        this.name = name;
        this.consumer = consumer;
        this.each = each;
    }

    /** Starts polling on a new thread, which first runs {@code setup} (a subscribe, say). */
    void start(Runnable setup) {
        thread = Thread.ofPlatform().daemon().name(name).start(() -> {
            setup.run();
            poll();
        });
    }

    private void poll() {
        while (running) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    each.accept(record);
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("{}: polling failed: {}; retrying", name, e.getMessage());
                    sleepQuietly();
                }
            }
        }
        try {
            consumer.close(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.warn("{}: closing the consumer failed: {}", name, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
