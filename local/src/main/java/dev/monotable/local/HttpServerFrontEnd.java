package dev.monotable.local;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;

/**
 * The engine over HTTP/1.1 on a loopback port, for clients in other processes.
 *
 * <p>One thread per connection, reading a request, answering it and reading the next on the same
 * kept-alive socket. The JDK's {@code com.sun.net.httpserver} hands every request from its one
 * selector thread to a worker and the connection back again, two thread hand-offs and a selector
 * wake-up a request, which cost more than the engine's work; an SDK client keeps a few connections
 * open and sends requests on them one after the other, which a thread of its own serves best.
 */
final class HttpServerFrontEnd implements AutoCloseable {
  /** Longest request line or header line; longer ones are refused. */
  private static final int MAX_LINE = 64 * 1024;
  /** Most header lines in a request. */
  private static final int MAX_HEADERS = 200;
  /**
   * A connection silent this long is closed, and its thread freed: long enough that a client's
   * pooled connection does not go stale between the requests of a test run.
   */
  private static final int IDLE_MILLIS = 10 * 60 * 1000;

  /** What a preflight that does not name its headers is told it may send: the headers the AWS SDKs send. */
  private static final String ALLOWED_HEADERS = "Authorization, Content-Type, Content-Encoding, X-Amz-Target, "
      + "X-Amz-Date, X-Amz-Security-Token, X-Amz-User-Agent, X-Amz-Content-Sha256, Amz-Sdk-Invocation-Id, Amz-Sdk-Request";

  /**
   * CORS headers on every answer, so that browser tools (a web console, a page using the AWS SDK
   * for JavaScript) on any origin can call the loopback endpoint, as they can call DynamoDB.
   * Allow-Headers names what the SDKs send; Expose-Headers lets scripts read the request id.
   */
  private static final Map<String, String> CORS = Map.of(
      "Access-Control-Allow-Origin", "*",
      "Access-Control-Allow-Methods", "GET, POST, OPTIONS",
      "Access-Control-Allow-Headers", ALLOWED_HEADERS,
      "Access-Control-Expose-Headers", "x-amzn-RequestId, x-amzn-ErrorType, x-amz-crc32",
      "Access-Control-Max-Age", "172800");

  /** The CORS headers as they go on the wire, written once. */
  private static final byte[] CORS_LINES = corsLines(Map.of());

  /**
   * DynamoDB's answer to what is not one of its requests — another method than POST, a preflight
   * without an Origin, a body that is not JSON by its Content-Type: 404 and this body.
   */
  private static final byte[] NOT_FOUND = "<UnknownOperationException/>\n".getBytes(ISO_8859_1);

  private static final byte[] NO_BODY = new byte[0];

  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(ISO_8859_1);

  private final Engine engine;
  private final ServerSocket listener;
  private final ExecutorService connections;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private HttpServerFrontEnd(Engine engine, ServerSocket listener) {
    this.engine = engine;
    this.listener = listener;
    this.connections = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "monotable-local-http");
      thread.setDaemon(true);
      return thread;
    });
  }

  static HttpServerFrontEnd start(Engine engine, int port) throws IOException {
    return start(engine, new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
  }

  static HttpServerFrontEnd start(Engine engine, InetSocketAddress address) throws IOException {
    ServerSocket listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(address, 64);
    HttpServerFrontEnd server = new HttpServerFrontEnd(engine, listener);
    Thread acceptor = new Thread(server::accept, "monotable-local-http-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  private void accept() {
    while (!closed) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;  // a connection that failed before it was accepted; keep listening
      }
      open.add(socket);
      try {
        connections.execute(() -> serve(socket));
      } catch (RuntimeException e) {  // rejected: the server is closing
        closeQuietly(socket);
        open.remove(socket);
      }
    }
  }

  /** Answers the requests of one connection until the client closes it or asks to. */
  private void serve(Socket socket) {
    try (socket) {
      // without TCP_NODELAY, small answers wait on the client's delayed ACK: ~40 ms a request
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(IDLE_MILLIS);
      Input in = new Input(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream(8 * 1024);
      while (!closed) {
        Request request;
        try {
          request = Request.read(in, out);
        } catch (BadRequest e) {
          answer.reset();
          byte[] message = e.getMessage().getBytes(ISO_8859_1);
          writeHead(answer, 400, "text/plain", null, message, false, CORS_LINES);
          answer.write(message);
          answer.writeTo(out);
          return;
        }
        if (request == null) {
          return;  // the client closed the connection between requests
        }
        answer.reset();
        if (request.method.equals("OPTIONS") && request.origin != null) {
          // a browser's preflight: the CORS headers are the whole answer, allowing what it asks for
          writeHead(answer, 200, null, null, NO_BODY, request.keepAlive, request.preflightHeaders());
        } else if (!request.method.equals("POST") || !request.json()) {
          writeHead(answer, 404, null, null, NOT_FOUND, request.keepAlive, CORS_LINES);
          if (!request.method.equals("HEAD")) {
            answer.write(NOT_FOUND);
          }
        } else {
          Engine.Response response = engine.handle(request.target == null ? "" : request.target, request.authorization,
              request.body);
          writeHead(answer, response.status(), request.answerContentType(), response.requestId(), response.body(),
              request.keepAlive, CORS_LINES);
          answer.write(response.body());
        }
        answer.writeTo(out);  // one write: head and body leave in as few segments as they fit
        if (!request.keepAlive) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away mid-request or mid-answer: nothing to answer
    } finally {
      open.remove(socket);
    }
  }

  /**
   * Writes the status line and headers of an answer whose body is {@code body} (not written here):
   * with its length and, as DynamoDB sends with every answer that has a body, its CRC32
   * ({@code x-amz-crc32}, which the SDKs check).
   */
  private static void writeHead(ByteArrayOutputStream out, int status, String contentType, String requestId,
      byte[] body, boolean keepAlive, byte[] corsLines) {
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (requestId != null) {
      head.append("x-amzn-RequestId: ").append(requestId).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n");
    if (body.length > 0) {
      CRC32 crc = new CRC32();
      crc.update(body);
      head.append("x-amz-crc32: ").append(crc.getValue()).append("\r\n");
    }
    if (!keepAlive) {
      head.append("Connection: close\r\n");
    }
    out.writeBytes(head.toString().getBytes(ISO_8859_1));
    out.writeBytes(corsLines);
    out.writeBytes(new byte[] {'\r', '\n'});
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 413 -> "Payload Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status " + status;
    };
  }

  /** The {@link #CORS} headers as lines, each of {@code overrides} in place of the default of its name. */
  private static byte[] corsLines(Map<String, String> overrides) {
    StringBuilder lines = new StringBuilder();
    CORS.forEach((name, value) ->
        lines.append(name).append(": ").append(overrides.getOrDefault(name, value)).append("\r\n"));
    return lines.toString().getBytes(ISO_8859_1);
  }

  /**
   * What the engine needs of one HTTP request: its method, X-Amz-Target, Authorization (null when
   * unsigned), Content-Type, body and whether to keep the connection; and for a browser's preflight,
   * its Origin and what it asks to send.
   */
  private record Request(String method, String target, String authorization, String contentType, byte[] body,
      boolean keepAlive, String origin, String requestHeaders, String requestMethod) {

    /**
     * Whether DynamoDB reads the body as JSON: its Content-Type is {@code application/json} or
     * {@code application/x-amz-json-1.0} (parameters aside), or it has none and no body either.
     */
    boolean json() {
      if (contentType == null) {
        return body.length == 0;
      }
      String type = mediaType();
      return type.equals("application/json") || type.equals(Engine.CONTENT_TYPE);
    }

    /** The answer's Content-Type: the one the request named, as DynamoDB answers. */
    String answerContentType() {
      return contentType != null && mediaType().equals("application/json") ? "application/json" : Engine.CONTENT_TYPE;
    }

    private String mediaType() {
      int semicolon = contentType.indexOf(';');
      return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The CORS lines of a preflight's answer: the headers and method it asked for are allowed. */
    byte[] preflightHeaders() {
      if (requestHeaders == null && requestMethod == null) {
        return CORS_LINES;
      }
      Map<String, String> asked = new HashMap<>();
      if (requestHeaders != null) {
        asked.put("Access-Control-Allow-Headers", requestHeaders);
      }
      if (requestMethod != null) {
        asked.put("Access-Control-Allow-Methods", requestMethod);
      }
      return corsLines(asked);
    }

    /** The next request on the connection, or null when the client closed it before sending one. */
    static Request read(Input in, OutputStream out) throws IOException {
      String requestLine = readLine(in, true);
      while (requestLine != null && requestLine.isEmpty()) {
        requestLine = readLine(in, true);  // a stray CRLF between requests is allowed (RFC 9112, 2.2)
      }
      if (requestLine == null) {
        return null;
      }
      String[] parts = requestLine.split(" ");
      if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
        throw new BadRequest("malformed request line");
      }
      String method = parts[0].toUpperCase(Locale.ROOT);
      boolean http11 = !parts[2].equals("HTTP/1.0");
      String target = null;
      String authorization = null;
      String connection = null;
      String expect = null;
      String transferEncoding = null;
      String contentType = null;
      String origin = null;
      String requestHeaders = null;
      String requestMethod = null;
      long contentLength = -1;
      for (int count = 0; ; count++) {
        if (count > MAX_HEADERS) {
          throw new BadRequest("too many header lines");
        }
        String line = readLine(in, false);
        if (line.isEmpty()) {
          break;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new BadRequest("malformed header line");
        }
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("X-Amz-Target")) {
          target = target == null ? value : target;
        } else if (name.equalsIgnoreCase("Authorization")) {
          authorization = authorization == null ? value : authorization;
        } else if (name.equalsIgnoreCase("Content-Length")) {
          try {
            contentLength = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new BadRequest("malformed Content-Length");
          }
          if (contentLength < 0 || contentLength > Integer.MAX_VALUE - 16) {
            throw new BadRequest("Content-Length out of range");
          }
        } else if (name.equalsIgnoreCase("Connection")) {
          connection = value;
        } else if (name.equalsIgnoreCase("Expect")) {
          expect = value;
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
          transferEncoding = value;
        } else if (name.equalsIgnoreCase("Content-Type")) {
          contentType = value;
        } else if (name.equalsIgnoreCase("Origin")) {
          origin = value;
        } else if (name.equalsIgnoreCase("Access-Control-Request-Headers")) {
          requestHeaders = value;
        } else if (name.equalsIgnoreCase("Access-Control-Request-Method")) {
          requestMethod = value;
        }
      }
      boolean keepAlive = http11
          ? connection == null || !connection.toLowerCase(Locale.ROOT).contains("close")
          : connection != null && connection.toLowerCase(Locale.ROOT).contains("keep-alive");
      if (expect != null && expect.equalsIgnoreCase("100-continue") && http11) {
        out.write(CONTINUE);
      }
      byte[] body;
      if (transferEncoding != null && !transferEncoding.equalsIgnoreCase("identity")) {
        if (!transferEncoding.toLowerCase(Locale.ROOT).endsWith("chunked")) {
          throw new BadRequest("unsupported Transfer-Encoding");
        }
        body = readChunked(in);
      } else if (contentLength > 0) {
        body = in.readNBytes((int) contentLength);
        if (body.length < contentLength) {
          throw new EOFException("request body cut short");
        }
      } else {
        body = new byte[0];
      }
      return new Request(method, target, authorization, contentType, body, keepAlive, origin, requestHeaders,
          requestMethod);
    }

    private static byte[] readChunked(Input in) throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = readLine(in, false);
        int extension = sizeLine.indexOf(';');
        int size;
        try {
          size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
        } catch (NumberFormatException e) {
          throw new BadRequest("malformed chunk size");
        }
        if (size < 0) {
          throw new BadRequest("malformed chunk size");
        }
        if (size == 0) {
          while (!readLine(in, false).isEmpty()) {
            // trailer fields: nothing the engine reads
          }
          return body.toByteArray();
        }
        byte[] chunk = in.readNBytes(size);
        if (chunk.length < size) {
          throw new EOFException("request body cut short");
        }
        body.write(chunk);
        if (!readLine(in, false).isEmpty()) {
          throw new BadRequest("malformed chunk");
        }
      }
    }

    /** One line without its CRLF (a bare LF ends it too); null at the end of the stream only where allowed. */
    private static String readLine(Input in, boolean endAllowed) throws IOException {
      StringBuilder line = new StringBuilder(64);
      while (true) {
        int b = in.read();
        if (b < 0) {
          if (endAllowed && line.length() == 0) {
            return null;
          }
          throw new EOFException("request cut short");
        }
        if (b == '\n') {
          int end = line.length();
          if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
          }
          return line.toString();
        }
        if (line.length() >= MAX_LINE) {
          throw new BadRequest("header line too long");
        }
        line.append((char) b);
      }
    }
  }

  /**
   * The connection's bytes through a buffer of its own: header lines are read a byte at a time,
   * which {@code BufferedInputStream} would do under a monitor.
   */
  private static final class Input {
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    Input(InputStream in) {
      this.in = in;
    }

    int read() throws IOException {
      if (position == limit && !fill()) {
        return -1;
      }
      return buffer[position++] & 0xff;
    }

    byte[] readNBytes(int length) throws IOException {
      byte[] bytes = new byte[length];
      int buffered = Math.min(length, limit - position);
      System.arraycopy(buffer, position, bytes, 0, buffered);
      position += buffered;
      int read = buffered;
      while (read < length) {
        int n = in.read(bytes, read, length - read);
        if (n < 0) {
          return Arrays.copyOf(bytes, read);
        }
        read += n;
      }
      return bytes;
    }

    private boolean fill() throws IOException {
      int n = in.read(buffer, 0, buffer.length);
      if (n <= 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    }
  }

  /** A request the server cannot read: answered 400, and the connection closed. */
  private static final class BadRequest extends IOException {
    BadRequest(String message) {
      super(message);
    }
  }

  URI endpoint() {
    return URI.create("http://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort());
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    connections.shutdownNow();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing: nothing left to tell
    }
  }
}
