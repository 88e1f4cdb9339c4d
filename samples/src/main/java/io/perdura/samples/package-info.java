/**
 * Sample workflows on task queue {@code samples}: {@code Hello}, {@code Reminder}, {@code Approval}
 * and {@code FlakyPayment}.
 */
package io.perdura.samples;
