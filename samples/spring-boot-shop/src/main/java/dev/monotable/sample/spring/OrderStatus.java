package dev.monotable.sample.spring;

/** Where an order is; stored by name, and the partition key of the ByStatus index. */
public enum OrderStatus { NEW, PAID, SHIPPED, DELIVERED, CANCELLED }
