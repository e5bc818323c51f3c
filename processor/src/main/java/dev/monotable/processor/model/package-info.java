/**
 * The model: immutable records of tables, entities, fields, key templates, indexes and access
 * patterns, and the rules that follow from them alone, which checks, generators and the design
 * report share: names ({@code Naming}), whether keys can be equal ({@code KeyShapes}), whose items a
 * query reads ({@code Territories}), layouts. Free of javax and JavaPoet types, so that all of them
 * can be unit-tested on models alone ({@code ModelDependenciesTest}).
 */
package dev.monotable.processor.model;
