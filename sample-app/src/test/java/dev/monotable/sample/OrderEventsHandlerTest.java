package dev.monotable.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample's Lambda function, given an event as Lambda delivers it (read by Lambda's own serializer). */
class OrderEventsHandlerTest {

  @Test
  void anEventOfOrderChanges_isNotifiedInOrder_andNothingFails() throws Exception {
    DynamodbEvent event;
    try (InputStream json = getClass().getResourceAsStream("/order-events.json")) {
      event = LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader()).fromJson(json);
    }
    List<String> logged = new ArrayList<>();

    StreamsEventResponse response = new OrderEventsHandler().handleRequest(event, new LoggingContext(logged));

    assertEquals(List.of(), response.getBatchItemFailures());
    assertEquals(List.of("New order o-1001 of ada: 42.5 (PENDING)\n", "Order o-1001 status PENDING -> SHIPPED\n",
        "Order deleted o-1001\n"), logged);
  }

  /** The part of Lambda's context the function uses: its logger. */
  private record LoggingContext(List<String> logged) implements Context {
    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          logged.add(message);
        }

        @Override
        public void log(byte[] message) {
          logged.add(new String(message, StandardCharsets.UTF_8));
        }
      };
    }

    @Override
    public String getAwsRequestId() {
      return "test-request";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/order-events";
    }

    @Override
    public String getLogStreamName() {
      return "test";
    }

    @Override
    public String getFunctionName() {
      return "order-events";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:123456789012:function:order-events";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 512;
    }
  }
}
