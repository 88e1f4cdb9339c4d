/** Maps every error to an RFC 9457 {@code application/problem+json} response. */
package io.perdura.frontend.problem;
