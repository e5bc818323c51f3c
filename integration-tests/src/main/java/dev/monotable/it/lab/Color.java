package dev.monotable.it.lab;

public enum Color { RED, GREEN, BLUE }
