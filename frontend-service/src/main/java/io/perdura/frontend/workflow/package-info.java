/** The control plane: start, describe, wait for, list, signal, query, update and terminate workflows. */
package io.perdura.frontend.workflow;
