package dev.monotable.docs.quickstart;

import dev.monotable.annotation.Table;

/** The application's one DynamoDB table: every entity lives in it, told apart by its keys. */
@Table(name = "Shop", partitionKey = "PK", sortKey = "SK")
public interface Shop {}
