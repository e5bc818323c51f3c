package dev.monotable.it.contract;

import dev.monotable.it.sharded.ShardedOrder;
import dev.monotable.it.sharded.ShardedOrderAsyncRepository;
import dev.monotable.it.sharded.ShardedOrderRepository;
import dev.monotable.it.sharded.ShardedOrdersAsyncTable;
import dev.monotable.it.sharded.ShardedOrdersTable;
import dev.monotable.it.sharded.Status;
import dev.monotable.it.sharded.Visit;
import dev.monotable.it.sharded.VisitAsyncRepository;
import dev.monotable.it.sharded.VisitRepository;
import dev.monotable.it.sharded.VisitsAsyncTable;
import dev.monotable.it.sharded.VisitsTable;
import dev.monotable.runtime.SortKeyRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The sharded design in sync terms, blocking: orders whose status index is written in eight shards
 * ({@code ShardedOrders}) and visits whose table partition is written in four ({@code Visits}).
 */
interface ShardedOps {
  EntityOps<ShardedOrder> shardedOrders();

  Optional<ShardedOrder> getShardedOrder(String orderId);

  UpdateOps<ShardedOrder> updateShardedOrder(String orderId);

  QueryOps<ShardedOrder> ordersByStatus(Status status);

  /** {@code ordersByStatus(status).orderDate()}. */
  SortKeyRange<Instant, QueryOps<ShardedOrder>> ordersByStatusByOrderDate(Status status);

  EntityOps<Visit> visits();

  Optional<Visit> getVisit(LocalDate day, Instant at, String visitor);

  UpdateOps<Visit> updateVisit(LocalDate day, Instant at, String visitor);

  void deleteVisit(LocalDate day, Instant at, String visitor);

  QueryOps<Visit> visitsOfDay(LocalDate day);

  /** {@code visitsOfDay(day).at()}. */
  SortKeyRange<Instant, QueryOps<Visit>> visitsOfDayByAt(LocalDate day);

  /** {@code visitsOfDayByVisitor(day).visitor(visitor)}: the local index, one visitor. */
  QueryOps<Visit> visitsOfDayByVisitor(LocalDate day, String visitor);

  /** Over {@link ShardedOrdersTable} and {@link VisitsTable}. */
  record Sync(ShardedOrdersTable orders, VisitsTable visitsTable) implements ShardedOps {
    private ShardedOrderRepository repository() {
      return orders.shardedOrders();
    }

    private VisitRepository visitRepository() {
      return visitsTable.visits();
    }

    @Override
    public EntityOps<ShardedOrder> shardedOrders() {
      return new EntityOps.Sync<>(repository());
    }

    @Override
    public Optional<ShardedOrder> getShardedOrder(String orderId) {
      return repository().get(orderId);
    }

    @Override
    public UpdateOps<ShardedOrder> updateShardedOrder(String orderId) {
      return new UpdateOps.Sync<>(repository().update(orderId));
    }

    @Override
    public QueryOps<ShardedOrder> ordersByStatus(Status status) {
      return QueryOps.sync(repository().ordersByStatus(status));
    }

    @Override
    public SortKeyRange<Instant, QueryOps<ShardedOrder>> ordersByStatusByOrderDate(Status status) {
      return QueryOps.range(repository().ordersByStatus(status).orderDate(), QueryOps::sync);
    }

    @Override
    public EntityOps<Visit> visits() {
      return new EntityOps.Sync<>(visitRepository());
    }

    @Override
    public Optional<Visit> getVisit(LocalDate day, Instant at, String visitor) {
      return visitRepository().get(day, at, visitor);
    }

    @Override
    public UpdateOps<Visit> updateVisit(LocalDate day, Instant at, String visitor) {
      return new UpdateOps.Sync<>(visitRepository().update(day, at, visitor));
    }

    @Override
    public void deleteVisit(LocalDate day, Instant at, String visitor) {
      visitRepository().delete(day, at, visitor);
    }

    @Override
    public QueryOps<Visit> visitsOfDay(LocalDate day) {
      return QueryOps.sync(visitRepository().visitsOfDay(day));
    }

    @Override
    public SortKeyRange<Instant, QueryOps<Visit>> visitsOfDayByAt(LocalDate day) {
      return QueryOps.range(visitRepository().visitsOfDay(day).at(), QueryOps::sync);
    }

    @Override
    public QueryOps<Visit> visitsOfDayByVisitor(LocalDate day, String visitor) {
      return QueryOps.sync(visitRepository().visitsOfDayByVisitor(day).visitor(visitor));
    }
  }

  /** Over {@link ShardedOrdersAsyncTable} and {@link VisitsAsyncTable}, each future awaited. */
  record Async(ShardedOrdersAsyncTable orders, VisitsAsyncTable visitsTable) implements ShardedOps {
    private ShardedOrderAsyncRepository repository() {
      return orders.shardedOrders();
    }

    private VisitAsyncRepository visitRepository() {
      return visitsTable.visits();
    }

    @Override
    public EntityOps<ShardedOrder> shardedOrders() {
      return new EntityOps.Async<>(repository());
    }

    @Override
    public Optional<ShardedOrder> getShardedOrder(String orderId) {
      return Await.result(repository().get(orderId));
    }

    @Override
    public UpdateOps<ShardedOrder> updateShardedOrder(String orderId) {
      return new UpdateOps.Async<>(repository().update(orderId));
    }

    @Override
    public QueryOps<ShardedOrder> ordersByStatus(Status status) {
      return QueryOps.async(repository().ordersByStatus(status));
    }

    @Override
    public SortKeyRange<Instant, QueryOps<ShardedOrder>> ordersByStatusByOrderDate(Status status) {
      return QueryOps.range(repository().ordersByStatus(status).orderDate(), QueryOps::async);
    }

    @Override
    public EntityOps<Visit> visits() {
      return new EntityOps.Async<>(visitRepository());
    }

    @Override
    public Optional<Visit> getVisit(LocalDate day, Instant at, String visitor) {
      return Await.result(visitRepository().get(day, at, visitor));
    }

    @Override
    public UpdateOps<Visit> updateVisit(LocalDate day, Instant at, String visitor) {
      return new UpdateOps.Async<>(visitRepository().update(day, at, visitor));
    }

    @Override
    public void deleteVisit(LocalDate day, Instant at, String visitor) {
      Await.result(visitRepository().delete(day, at, visitor));
    }

    @Override
    public QueryOps<Visit> visitsOfDay(LocalDate day) {
      return QueryOps.async(visitRepository().visitsOfDay(day));
    }

    @Override
    public SortKeyRange<Instant, QueryOps<Visit>> visitsOfDayByAt(LocalDate day) {
      return QueryOps.range(visitRepository().visitsOfDay(day).at(), QueryOps::async);
    }

    @Override
    public QueryOps<Visit> visitsOfDayByVisitor(LocalDate day, String visitor) {
      return QueryOps.async(visitRepository().visitsOfDayByVisitor(day).visitor(visitor));
    }
  }
}
