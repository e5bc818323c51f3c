package dev.monotable.benchmarks;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import java.math.BigDecimal;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The order bean's schema built by hand with the Enhanced Client's {@link StaticTableSchema}
 * builders: no bean introspection, lambdas for every getter and setter.
 */
final class EnhancedStatic {
  static final StaticTableSchema<OrderBean.LineBean> LINE = StaticTableSchema.builder(OrderBean.LineBean.class)
      .newItemSupplier(OrderBean.LineBean::new)
      .addAttribute(String.class, a -> a.name("sku")
          .getter(OrderBean.LineBean::getSku).setter(OrderBean.LineBean::setSku))
      .addAttribute(Integer.class, a -> a.name("quantity")
          .getter(OrderBean.LineBean::getQuantity).setter(OrderBean.LineBean::setQuantity))
      .addAttribute(BigDecimal.class, a -> a.name("unitPrice")
          .getter(OrderBean.LineBean::getUnitPrice).setter(OrderBean.LineBean::setUnitPrice))
      .build();

  static final StaticTableSchema<OrderBean> ORDER = StaticTableSchema.builder(OrderBean.class)
      .newItemSupplier(OrderBean::new)
      .addAttribute(String.class, a -> a.name("PK")
          .getter(OrderBean::getPk).setter(OrderBean::setPk).tags(primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name("SK")
          .getter(OrderBean::getSk).setter(OrderBean::setSk).tags(primarySortKey()))
      .addAttribute(String.class, a -> a.name("_type").getter(OrderBean::getType).setter(OrderBean::setType))
      .addAttribute(String.class, a -> a.name("userId").getter(OrderBean::getUserId).setter(OrderBean::setUserId))
      .addAttribute(String.class, a -> a.name("orderId").getter(OrderBean::getOrderId).setter(OrderBean::setOrderId))
      .addAttribute(Instant.class, a -> a.name("orderDate")
          .getter(OrderBean::getOrderDate).setter(OrderBean::setOrderDate))
      .addAttribute(Status.class, a -> a.name("status").getter(OrderBean::getStatus).setter(OrderBean::setStatus))
      .addAttribute(BigDecimal.class, a -> a.name("total").getter(OrderBean::getTotal).setter(OrderBean::setTotal))
      .addAttribute(EnhancedType.listOf(EnhancedType.documentOf(OrderBean.LineBean.class, LINE)),
          a -> a.name("lines").getter(OrderBean::getLines).setter(OrderBean::setLines))
      .build();

  private EnhancedStatic() {}
}
