/**
 * JMH benchmarks and whole-process harnesses: generated marshalling against the Enhanced Client and
 * hand-written code, and monotable-local's throughput and start-up. Not published.
 */
package dev.monotable.benchmarks;
