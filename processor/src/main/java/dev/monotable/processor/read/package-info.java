/**
 * Reading: annotated elements and their annotation mirrors become model records. The processor
 * never loads user classes; key templates are parsed here ({@code KeyTemplateParser}). Reading
 * never generates.
 */
package dev.monotable.processor.read;
