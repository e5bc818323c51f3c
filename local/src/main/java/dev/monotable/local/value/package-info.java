/**
 * The engine's attribute values, their JSON wire form, their sizes and the errors it answers with.
 * Internal to monotable-local: public only so that the engine's packages can share it; no
 * compatibility promise.
 */
package dev.monotable.local.value;
