/**
 * The frontend service: Perdura's only public entry, a stateless REST control plane and worker API
 * that reaches history and matching over the {@link io.perdura.common.messaging.MessageBus}.
 */
package io.perdura.frontend;
