package io.perdura.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a test method the replay gate: it runs once per {@code *.json} history under the classpath
 * directory {@link #histories()} (recursively), each run shown by the history's path, and a run fails
 * with {@link NonDeterministicException} when {@link #workflows()} do not replay its history. The
 * method may take the history file as a {@link java.nio.file.Path} parameter to check more.
 *
 * <pre>{@code
 * @ReplayTest(workflows = {OrderFulfillmentWorkflow.class, ShippingWorkflow.class})
 * void recordedHistoriesReplay() {}
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(ReplayTestExtension.class)
public @interface ReplayTest {

    /** The workflow implementation classes, one per workflow type the histories hold. */
    Class<?>[] workflows();

    /** The classpath directory of the histories: {@code src/test/resources/histories} by default. */
    String histories() default ReplayGate.DEFAULT_HISTORIES;
}
