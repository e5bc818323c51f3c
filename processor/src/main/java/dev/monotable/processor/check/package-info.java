/**
 * Checks: every build-time rule of a design, each reporting diagnostics on the annotation value
 * that is wrong; none throws on bad input, and an entity whose report is not clean generates
 * nothing.
 */
package dev.monotable.processor.check;
