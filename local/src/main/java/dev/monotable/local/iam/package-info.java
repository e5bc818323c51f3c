/**
 * IAM identity-policy enforcement for MonotableLocal: {@code PolicyDocument} parses a policy,
 * {@code PolicyEvaluator} decides a {@code RequestContext} (action, resource ARN, condition keys
 * such as {@code dynamodb:LeadingKeys}) for a {@code Principal} (access key id and principal tags)
 * as IAM's evaluation logic does, and {@code AccessControl} holds the principals and policies and
 * refuses a request with AccessDeniedException. The engine builds the request contexts of each
 * DynamoDB request ({@code dev.monotable.local.AccessRequests}). This package is an implementation
 * detail of monotable-local; {@code MonotableLocal.withPolicy} and {@code withPrincipal} are its API.
 */
package dev.monotable.local.iam;
