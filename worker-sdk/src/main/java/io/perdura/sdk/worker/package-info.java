/** Workers: poll task queues and run registered workflow and activity implementations. */
package io.perdura.sdk.worker;
