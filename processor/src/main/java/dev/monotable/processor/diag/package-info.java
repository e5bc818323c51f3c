/**
 * Diagnostics: the catalogue of messages (one tagged constant each, such as {@code [MT-KEY-UNKNOWN-
 * FIELD]}) and the reporter that places them on the element, annotation mirror and annotation
 * value.
 */
package dev.monotable.processor.diag;
