/**
 * Sample workflows on task queue {@code samples}: {@code Hello}, {@code Reminder}, {@code Approval},
 * {@code FlakyPayment}, {@code ParallelGreetings}, {@code Countdown}, {@code Cancellable} and {@code
 * Parent} (child workflows).
 */
package io.perdura.samples;
