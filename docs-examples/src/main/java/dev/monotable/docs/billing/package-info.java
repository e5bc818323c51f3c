/** A provisioned table with deletion protection, for docs/key-design.md. */
package dev.monotable.docs.billing;
