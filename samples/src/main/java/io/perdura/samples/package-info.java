/**
 * Sample workflows on task queue {@code samples}: {@code Hello}, {@code Reminder}, {@code Approval},
 * {@code FlakyPayment}, {@code ParallelGreetings}, {@code Countdown}, {@code Cancellable} and {@code
 * Parent} (child workflows); {@code TenActivities} and {@code Sleep} are the benchmark's shapes.
 */
package io.perdura.samples;
