/** The OpenAPI description of the frontend's REST API, served at {@code /v3/api-docs}. */
package io.perdura.frontend.openapi;
