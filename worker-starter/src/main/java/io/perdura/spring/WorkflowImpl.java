package io.perdura.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Marks a workflow implementation: component scanning finds it, and the starter runs it on a worker
 * polling {@link #taskQueue()}. Each workflow run gets its own instance (prototype scope).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public @interface WorkflowImpl {

    /** The task queue whose workflow tasks this implementation serves. */
    String taskQueue();

    /**
     * The name of the {@link io.perdura.sdk.worker.WorkflowImplementationOptions} bean this
     * implementation is registered with; empty: the application's only (or {@code @Primary}) such
     * bean, if any.
     */
    String implementationOptions() default "";
}
