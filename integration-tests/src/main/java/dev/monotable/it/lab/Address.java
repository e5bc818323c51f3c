package dev.monotable.it.lab;

import dev.monotable.annotation.Document;
import java.util.List;

/** A nested document that nests itself. */
@Document
public record Address(String street, String city, int floor, List<Address> previous) {}
