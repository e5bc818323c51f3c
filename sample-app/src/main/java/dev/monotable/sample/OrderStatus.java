package dev.monotable.sample;

public enum OrderStatus { PENDING, PAID, SHIPPED, DELIVERED }
