package dev.monotable.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The engine over HTTP/1.1 on a loopback port, for clients in other processes. */
final class HttpServerFrontEnd implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private HttpServerFrontEnd(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static HttpServerFrontEnd start(Engine engine, int port) throws IOException {
    return start(engine, new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
  }

  static HttpServerFrontEnd start(Engine engine, InetSocketAddress address) throws IOException {
    // without TCP_NODELAY, small responses wait on the client's delayed ACK: ~40 ms a request
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpServer server = HttpServer.create(address, 64);
    ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "monotable-local-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> answer(engine, exchange));
    server.start();
    return new HttpServerFrontEnd(server, executor);
  }

  /**
   * CORS headers on every answer, so that browser tools (a web console, a page using the AWS SDK
   * for JavaScript) on any origin can call the loopback endpoint, as they can call DynamoDB.
   * Allow-Headers names what the SDKs send; Expose-Headers lets scripts read the request id.
   */
  private static final Map<String, String> CORS = Map.of(
      "Access-Control-Allow-Origin", "*",
      "Access-Control-Allow-Methods", "GET, POST, OPTIONS",
      "Access-Control-Allow-Headers", "Authorization, Content-Type, Content-Encoding, X-Amz-Target, X-Amz-Date, "
          + "X-Amz-Security-Token, X-Amz-User-Agent, X-Amz-Content-Sha256, Amz-Sdk-Invocation-Id, Amz-Sdk-Request",
      "Access-Control-Expose-Headers", "x-amzn-RequestId, x-amzn-ErrorType, x-amz-crc32",
      "Access-Control-Max-Age", "86400");

  private static void answer(Engine engine, HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      CORS.forEach(exchange.getResponseHeaders()::set);
      if (exchange.getRequestMethod().equalsIgnoreCase("OPTIONS")) {
        // a browser's preflight: the headers above are the whole answer
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      Engine.Response response = engine.handle(target == null ? "" : target, body);
      exchange.getResponseHeaders().set("Content-Type", Engine.CONTENT_TYPE);
      exchange.getResponseHeaders().set("x-amzn-RequestId", response.requestId());
      exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }

  URI endpoint() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
