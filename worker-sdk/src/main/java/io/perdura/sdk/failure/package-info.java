/** The failure hierarchy: what workflow code, activities and clients see when something failed. Users throw only {@link io.perdura.sdk.failure.ApplicationFailure}. */
package io.perdura.sdk.failure;
