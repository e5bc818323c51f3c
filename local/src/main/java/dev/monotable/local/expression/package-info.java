/**
 * The engine's internal expression language: tokenizer, recursive-descent parsers and evaluators
 * for DynamoDB's condition, filter, key condition, projection and update expressions. This
 * package is an implementation detail of monotable-local; its types carry no compatibility
 * promise and may change in any release.
 */
package dev.monotable.local.expression;
