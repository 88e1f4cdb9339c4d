/** Values in their serialized (JSON) form, read on demand: {@link io.perdura.sdk.common.converter.EncodedValues}. */
package io.perdura.sdk.common.converter;
