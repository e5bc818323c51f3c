package dev.monotable.local.conformance;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.MonotableLocal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The loopback HTTP server read byte by byte, as clients other than the Java SDK's send: several
 * requests on one kept-alive connection, a chunked body, {@code Expect: 100-continue},
 * {@code Connection: close}, HTTP/1.0, and requests it cannot read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class HttpWireTest {
  private static final String LIST_TABLES = "{}";
  private MonotableLocal server;

  @BeforeAll
  void start() {
    server = MonotableLocal.start();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(server.endpoint().getHost(), server.endpoint().getPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static String post(String target, String body, String... extraHeaders) {
    StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .append("Content-Type: application/x-amz-json-1.0\r\n")
        .append("X-Amz-Target: ").append(target).append("\r\n");
    for (String header : extraHeaders) {
      request.append(header).append("\r\n");
    }
    return request.append("Content-Length: ").append(body.getBytes(UTF_8).length).append("\r\n\r\n")
        .append(body).toString();
  }

  /** One answer: status, headers (lower-case names) and body, read by its Content-Length. */
  private record Answer(int status, Map<String, String> headers, String body) {}

  private static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    return new Answer(status, headers, new String(in.readNBytes(length), UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-line: " + line);
      }
      line.write(b);
    }
    String text = line.toString(ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  @Test
  void keepAlive_threeRequestsWrittenAtOnceOnOneConnection_threeAnswersInOrder() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write((post("DynamoDB_20120810.ListTables", LIST_TABLES)
          + post("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"no-such-table\"}")
          + post("DynamoDB_20120810.ListTables", "{\"Limit\":1}")).getBytes(UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();

      Answer first = read(in);
      Answer second = read(in);
      Answer third = read(in);

      assertEquals(200, first.status(), first.body());
      assertTrue(first.body().contains("\"TableNames\""), first.body());
      assertEquals("application/x-amz-json-1.0", first.headers().get("content-type"));
      assertEquals(400, second.status());
      assertTrue(second.body().contains("ResourceNotFoundException"), second.body());
      assertEquals(200, third.status(), third.body());
      String firstId = first.headers().get("x-amzn-requestid");
      String thirdId = third.headers().get("x-amzn-requestid");
      assertTrue(firstId != null && thirdId != null && !firstId.equals(thirdId), first.headers() + " / " + third.headers());
      assertEquals("*", third.headers().get("access-control-allow-origin"));
    }
  }

  @Test
  void chunkedBody_withExtensionAndTrailer_isReassembledBeforeTheEngineReadsIt() throws IOException {
    String body = "{\"TableName\":\"no-such-table\"}";
    String request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\n"
        + "X-Amz-Target: DynamoDB_20120810.DescribeTable\r\n\r\n"
        + Integer.toHexString(10) + ";note=first\r\n" + body.substring(0, 10) + "\r\n"
        + Integer.toHexString(body.length() - 10) + "\r\n" + body.substring(10) + "\r\n"
        + "0\r\nX-Trailer: ignored\r\n\r\n";
    try (Socket socket = connect()) {
      socket.getOutputStream().write(request.getBytes(UTF_8));

      Answer answer = read(socket.getInputStream());

      assertEquals(400, answer.status(), answer.body());
      // the engine read the whole body: it names the table of the second chunk's half
      assertTrue(answer.body().contains("ResourceNotFoundException"), answer.body());
      assertTrue(answer.body().contains("no-such-table"), answer.body());
    }
  }

  @Test
  void expectContinue_serverSays100BeforeTheBodyIsSent_thenAnswers() throws IOException {
    String body = "{\"Limit\":2}";
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Type: application/json\r\n"
          + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: " + body.length() + "\r\n\r\n").getBytes(UTF_8));
      out.flush();

      assertEquals("HTTP/1.1 100 Continue", line(in));
      assertEquals("", line(in));
      out.write(body.getBytes(UTF_8));
      Answer answer = read(in);

      assertEquals(200, answer.status(), answer.body());
      assertTrue(answer.body().contains("\"TableNames\""), answer.body());
    }
  }

  @Test
  void connectionClose_answeredWithConnectionCloseAndTheSocketClosed() throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(post("DynamoDB_20120810.ListTables", LIST_TABLES, "Connection: close").getBytes(UTF_8));
      InputStream in = socket.getInputStream();

      Answer answer = read(in);

      assertEquals(200, answer.status());
      assertEquals("close", answer.headers().get("connection"));
      assertEquals(-1, in.read(), "the server closed the connection after its answer");
    }
  }

  @Test
  void http10WithoutKeepAlive_answeredThenClosed() throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(("POST / HTTP/1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
          + "Content-Type: application/x-amz-json-1.0\r\n"
          + "Content-Length: 2\r\n\r\n{}").getBytes(UTF_8));
      InputStream in = socket.getInputStream();

      Answer answer = read(in);

      assertEquals(200, answer.status(), answer.body());
      assertEquals(-1, in.read());
    }
  }

  @Test
  void malformedRequestLine_answered400AndClosed() throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write("NONSENSE\r\n\r\n".getBytes(UTF_8));
      InputStream in = socket.getInputStream();

      Answer answer = read(in);

      assertEquals(400, answer.status());
      assertEquals(-1, in.read());
    }
  }

  @Test
  void clientClosesMidRequest_serverStillAnswersOthers() throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"Lim".getBytes(UTF_8));
    }
    try (Socket socket = connect()) {
      socket.getOutputStream().write(post("DynamoDB_20120810.ListTables", LIST_TABLES).getBytes(UTF_8));

      assertEquals(200, read(socket.getInputStream()).status());
    }
  }
}
