/**
 * The performance suite (issue 12), run by {@code benchmarks/run.sh}: JMH benchmarks of marshalling
 * ({@code MarshallingBenchmark}) and of requests through a canned-HTTP {@code DynamoDbClient}
 * ({@code ClientBenchmark}) against the Enhanced Client and an expert's hand-written code;
 * whole-process cold starts ({@code ColdStart}); build scaling of the processor
 * ({@code BuildScaling}); the ratio calculator ({@code Ratios}); and monotable-local's throughput
 * and start-up. Not published.
 */
package dev.monotable.benchmarks;
