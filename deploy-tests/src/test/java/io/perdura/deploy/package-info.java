/**
 * Checks of what deploys Perdura against its code: {@code docker-compose.yml}, the {@code helm/perdura} chart
 * and the container images that {@code scripts/images.sh} builds.
 */
package io.perdura.deploy;
