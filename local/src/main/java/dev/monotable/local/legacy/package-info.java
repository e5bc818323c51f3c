/**
 * The pre-expression ("legacy") request parameters — KeyConditions, QueryFilter, ScanFilter,
 * Expected with ConditionalOperator, AttributeUpdates and AttributesToGet — checked with
 * DynamoDB's messages and translated into the parsed objects of
 * {@link dev.monotable.local.expression}, so that one evaluator serves both forms.
 */
package dev.monotable.local.legacy;
