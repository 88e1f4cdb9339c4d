package io.perdura.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.perdura.testing.PerduraWorkflowExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Hello workflow against an in-process test server, its activity a Mockito mock. */
class HelloTests {

    private static final Greetings greetings = mock(Greetings.class);

    @RegisterExtension
    static final PerduraWorkflowExtension perdura = PerduraWorkflowExtension.newBuilder()
            .setWorkflowTypes(HelloWorkflow.class)
            .setActivityImplementations(greetings)
            .build();

    @Test
    void returnsWhatTheActivityComposed(Hello workflow) {
        when(greetings.compose("Ada")).thenReturn("Hi, Ada");

        assertThat(workflow.greet("Ada")).isEqualTo("Hi, Ada");

        verify(greetings).compose("Ada");
    }
}
