package dev.monotable.benchmarks;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The Monotable entity: keys come from the templates; a user's orders are one query. */
@Entity(table = Bench.class)
@PartitionKey("USER#<userId>")
@SortKey("ORDER#<orderDate>#<orderId>")
@AccessPattern(name = "ordersOfUser")
public record Order(String userId, String orderId, Instant orderDate, Status status, BigDecimal total,
                    List<Line> lines) {}
