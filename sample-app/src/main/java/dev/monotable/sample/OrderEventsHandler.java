package dev.monotable.sample;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;

/**
 * A Lambda function on the AppData table's stream, with {@code ReportBatchItemFailures} on its event
 * source mapping: each record is decoded by entity type and handed to {@link OrderEvents}; when one
 * fails, the response names it, and Lambda retries from that record on.
 */
public final class OrderEventsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final AppDataChanges changes = new AppDataChanges();

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    return changes.handle(event, new OrderEvents(line -> context.getLogger().log(line + "\n")));
  }
}
