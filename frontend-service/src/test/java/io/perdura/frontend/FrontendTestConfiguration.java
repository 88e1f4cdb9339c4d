package io.perdura.frontend;

import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.HistoryRequestHandler;
import io.perdura.common.service.MatchingRequestHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real in-JVM bus with the fake history and matching subscribed to their topics. Deliberately
 * not a {@code @Configuration}: tests name it, and the frontend's component scan must not find it.
 */
class FrontendTestConfiguration {

    @Bean(destroyMethod = "close")
    @Primary
    InJvmMessageBus testMessageBus() {
        return new InJvmMessageBus(4);
    }

    @Bean
    FakeHistory fakeHistory(MessageBus bus) {
        FakeHistory history = new FakeHistory();
        bus.subscribe(Topics.HISTORY, new HistoryRequestHandler(history));
        return history;
    }

    @Bean
    FakeMatching fakeMatching(MessageBus bus) {
        FakeMatching matching = new FakeMatching();
        bus.subscribe(Topics.MATCHING, new MatchingRequestHandler(matching));
        return matching;
    }
}
