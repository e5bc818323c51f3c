package com.example.notes;

import dev.monotable.annotation.Table;

/** The application's one DynamoDB table. */
@Table(name = "Notebook", partitionKey = "PK", sortKey = "SK")
public interface Notebook {}
