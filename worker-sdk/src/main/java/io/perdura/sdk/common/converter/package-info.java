/**
 * How values become the JSON payloads Perdura stores, and back: the pluggable {@link
 * io.perdura.sdk.common.converter.DataConverter} (default {@link
 * io.perdura.sdk.common.converter.DefaultDataConverter} over a {@link
 * io.perdura.sdk.common.converter.JacksonJsonPayloadConverter}), and {@link
 * io.perdura.sdk.common.converter.EncodedValues}, arguments read on demand.
 */
package io.perdura.sdk.common.converter;
