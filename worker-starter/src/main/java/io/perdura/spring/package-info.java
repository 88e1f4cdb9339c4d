/**
 * Spring Boot starter for Perdura: {@link io.perdura.spring.WorkflowImpl} and {@link
 * io.perdura.spring.ActivityImpl} beans become workers, configured under {@code perdura.*}.
 */
package io.perdura.spring;
