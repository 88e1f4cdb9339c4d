/** Spring MVC plumbing: the logging context (MDC) of each request. */
package io.perdura.frontend.web;
