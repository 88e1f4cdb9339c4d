/** Options shared by workflows and activities. */
package io.perdura.sdk.common;
