/**
 * The model: immutable records of tables, entities, fields, key templates, indexes and access
 * patterns, free of javax.lang.model and JavaPoet types, so that checks and generators can be unit-
 * tested on their own.
 */
package dev.monotable.processor.model;
