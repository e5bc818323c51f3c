package dev.monotable.docs.sharding;

/** An order's status: few values, so a hot partition in an index by status. */
public enum Status { NEW, PAID, SHIPPED }
