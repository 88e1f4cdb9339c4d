/** Replay: rebuilds a workflow run from its event history on deterministic coroutines. Not public API. */
package io.perdura.sdk.internal.replay;
