/** The control plane: start, describe, wait for, list, signal, query and terminate workflows. */
package io.perdura.frontend.workflow;
