package dev.monotable.it.survey;

import dev.monotable.annotation.Document;

/** Who answered, as a nested document. */
@Document
public record Respondent(String name, int age) {}
