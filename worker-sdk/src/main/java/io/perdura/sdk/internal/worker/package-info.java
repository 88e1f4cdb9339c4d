/** Worker runtime: long-poll loops, the workflow cache, task handlers. Not public API. */
package io.perdura.sdk.internal.worker;
