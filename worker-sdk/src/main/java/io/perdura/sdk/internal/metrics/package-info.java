/** The SDK's Micrometer metrics (Temporal's names with the {@code perdura} prefix; ADR 26). */
package io.perdura.sdk.internal.metrics;
