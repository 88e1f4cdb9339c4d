package io.perdura.messaging.kafka;

import io.perdura.kafka.local.LocalKafka;

/** One real broker for the whole test run, on free ports, in this JVM. */
final class KafkaBroker {

    private static LocalKafka broker;

    private KafkaBroker() {}

    static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = LocalKafka.startTemporary();
        }
        return broker.bootstrapServers();
    }
}
