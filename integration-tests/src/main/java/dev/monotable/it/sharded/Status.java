package dev.monotable.it.sharded;

/** The status of an order: few values, so an index by status has hot partitions. */
public enum Status { NEW, PAID, SHIPPED }
