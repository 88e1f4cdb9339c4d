/** How the frontend reaches history and matching: bus clients and bounded waits on their answers. */
package io.perdura.frontend.backend;
