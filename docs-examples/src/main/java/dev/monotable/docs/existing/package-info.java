/** A table made before Monotable (plain key attributes, no type attribute), for docs/existing-tables.md. */
package dev.monotable.docs.existing;
