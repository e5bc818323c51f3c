package dev.monotable.spring.boot;

import dev.monotable.runtime.MonotableTable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Creates each table bean's table unless it exists ({@link MonotableTable#createIfNotExists()}) as the
 * bean is initialized, so that no other bean ever holds a table that is not there yet. Registered when
 * {@code monotable.create-tables=true}, and by {@code @AutoConfigureMonotableLocal}.
 */
public final class TableCreator implements BeanPostProcessor {
  private static final Log log = LogFactory.getLog(TableCreator.class);

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof MonotableTable table) {
      if (table.createIfNotExists()) {
        log.info("Created DynamoDB table " + table.tableName() + " (bean " + beanName + ")");
      }
    }
    return bean;
  }
}
