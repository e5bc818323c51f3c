/**
 * Generation: one generator per kind of output file (schema, keys, repository, fields, table, table
 * description), the only package that uses JavaPoet. Generators never validate: they receive
 * checked models.
 */
package dev.monotable.processor.generate;
