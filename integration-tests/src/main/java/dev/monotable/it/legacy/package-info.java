/**
 * Tables shaped the way they exist in production before Monotable: {@code Users} keyed by a plain
 * {@code userId} string and {@code Orders} keyed by {@code userId} and a numeric {@code timestamp},
 * neither with a type attribute; and {@code Devices}, a mixed design with a plain numeric partition
 * key and template sort keys.
 */
package dev.monotable.it.legacy;
