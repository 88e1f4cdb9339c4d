/** Checks of request parameters and bodies, failing with {@code invalid-argument}. */
package io.perdura.frontend.validation;
