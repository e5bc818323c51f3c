/**
 * The sample shop: a runnable tour of generated code on monotable-local in this JVM, or on any
 * endpoint given with --endpoint.
 */
package dev.monotable.sample;
