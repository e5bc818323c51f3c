/** The design of the README's and docs' tenant examples: a table its tenants share. */
package dev.monotable.docs.tenants;
