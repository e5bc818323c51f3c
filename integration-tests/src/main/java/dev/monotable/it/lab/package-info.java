/**
 * The lab design: a table without a sort key holding one sample of every supported attribute type,
 * sessions that expire and notes with timestamps.
 */
package dev.monotable.it.lab;
