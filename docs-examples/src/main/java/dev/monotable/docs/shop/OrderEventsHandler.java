package dev.monotable.docs.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;

/** A Lambda function on the table's stream, with ReportBatchItemFailures on its event source mapping. */
// region lambda
public final class OrderEventsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final AppDataChanges changes = new AppDataChanges();   // decodes and dispatches; no client needed

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    return changes.handle(event, new OrderEvents(line -> context.getLogger().log(line + "\n")));
  }
}
// endregion
