package dev.monotable.it.survey;

import dev.monotable.annotation.Table;

/** A table without a sort key, one survey per item. */
@Table(name = "Surveys", partitionKey = "PK", typeAttribute = "_type")
public interface Surveys {}
