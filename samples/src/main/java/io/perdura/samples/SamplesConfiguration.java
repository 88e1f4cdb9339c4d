package io.perdura.samples;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Registers the samples' workflows and activities; import it to run them on a worker. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = SamplesConfiguration.class)
public class SamplesConfiguration {}
