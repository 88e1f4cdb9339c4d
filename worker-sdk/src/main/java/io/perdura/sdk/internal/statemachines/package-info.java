/** One declarative state machine per command kind. Not public API. */
package io.perdura.sdk.internal.statemachines;
