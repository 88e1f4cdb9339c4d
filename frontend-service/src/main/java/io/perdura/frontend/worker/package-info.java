/** The worker API: long polls for workflow and activity tasks and the answers to them. */
package io.perdura.frontend.worker;
