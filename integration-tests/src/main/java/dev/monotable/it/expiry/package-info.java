/**
 * A design whose items expire, with an item collection and a global index: time to live as every
 * kind of read and write sees it.
 */
package dev.monotable.it.expiry;
