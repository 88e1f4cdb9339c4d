/** Conversions of payloads and failures. Not public API. */
package io.perdura.sdk.internal.common;
