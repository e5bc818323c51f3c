/**
 * Tables keyed by plain attributes, each key a field stored as it is: {@code Tags} by two strings,
 * {@code Blobs} by two binary values. They exercise the key checks that plain keys share with key
 * templates: empty values and DynamoDB's key size limits.
 */
package dev.monotable.it.plainkey;
