package dev.monotable.it.shop;

public enum OrderStatus { PENDING, PAID, SHIPPED, CANCELLED }
