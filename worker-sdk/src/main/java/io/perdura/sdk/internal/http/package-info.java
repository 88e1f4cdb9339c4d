/** JSON over java.net.http to the frontend, with problem+json errors mapped to exceptions. Not public API. */
package io.perdura.sdk.internal.http;
