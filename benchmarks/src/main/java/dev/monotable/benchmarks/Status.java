package dev.monotable.benchmarks;

public enum Status { PENDING, PAID, SHIPPED }
