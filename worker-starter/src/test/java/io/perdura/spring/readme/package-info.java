/**
 * The Spring code of the README, as shown there (one type per file): the build proves it compiles,
 * {@link io.perdura.spring.readme.ReadmeTests} that the starter runs it.
 */
package io.perdura.spring.readme;
