/** Client runtime behind the stubs. Not public API. */
package io.perdura.sdk.internal.client;
