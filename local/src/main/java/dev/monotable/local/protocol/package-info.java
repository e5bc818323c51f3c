/**
 * DynamoDB's request shapes: every member's JSON type and declared constraints (required, length,
 * range, pattern, enum), read from the service model AWS publishes with its SDKs, and the two checks
 * DynamoDB makes with them before it looks at what a request means. {@link
 * dev.monotable.local.protocol.RequestShapes#check} runs both, in DynamoDB's order: first the JSON
 * types ({@code SerializationException}, the first mistake in document order), then the constraints
 * of every member ({@code ValidationException}, all of them in one message).
 *
 * <p>{@code ServiceModel} reads the model files that the build copies into this package's
 * resources and {@code ModelCompactor} trims to what requests need; {@code Shape} is one shape of
 * it, {@code PatternConstraint} a shape's pattern, compiled when first used; {@code TypeCheck} and
 * {@code ConstraintCheck} walk a request beside its input shape. Nothing here knows an operation by
 * name.
 */
package dev.monotable.local.protocol;
