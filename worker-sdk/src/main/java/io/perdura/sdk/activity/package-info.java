/** Writing activities: the annotations of an activity interface, {@link io.perdura.sdk.activity.ActivityOptions} for stubs, and the running activity's context. */
package io.perdura.sdk.activity;
