/**
 * The conformance suite of monotable-local: each test drives the engine through the AWS SDK's own
 * {@code DynamoDbClient}, one operation or feature per class (items, queries, scans, indexes,
 * transactions, streams, limits, faults), and asserts the responses and errors DynamoDB gives.
 */
package dev.monotable.local.conformance;
