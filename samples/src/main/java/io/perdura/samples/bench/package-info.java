/** The workflow shapes only the benchmark uses: {@code TenActivities} and {@code Sleep}. */
package io.perdura.samples.bench;
