/** Client side: typed and untyped workflow stubs over Perdura's REST API. */
package io.perdura.sdk.client;
