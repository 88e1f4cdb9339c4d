package io.perdura.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Marks an activity implementation bean: the starter registers it on a worker polling {@link
 * #taskQueue()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface ActivityImpl {

    /** The task queue whose activity tasks this bean serves. */
    String taskQueue();
}
