/**
 * Consumed capacity as Micrometer meters: {@link dev.monotable.runtime.micrometer.MicrometerCapacity}.
 * The only package of the runtime that needs {@code io.micrometer:micrometer-core}, an optional
 * dependency: add it to use this package.
 */
package dev.monotable.runtime.micrometer;
