package dev.monotable.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar monotable-local.jar [--port 8000] [--host 127.0.0.1] [--ttl-sweep-seconds 60]
 * [--data-dir DIR]}: the engine as an HTTP server until the process is stopped; in memory, or with
 * {@code --data-dir} kept in that directory's write-ahead log, every change on disk before its
 * answer. It prints {@code MonotableLocal listening on http://<host>:<port>} once it serves
 * ({@code --port 0} picks a free port).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = 8000;
    String host = "127.0.0.1";
    long sweepSeconds = 60;
    Path dataDirectory = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (arg) {
        case "--port", "-port" -> {
          port = Integer.parseInt(required(arg, value));
          i++;
        }
        case "--host" -> {
          host = required(arg, value);
          i++;
        }
        case "--ttl-sweep-seconds" -> {
          sweepSeconds = Long.parseLong(required(arg, value));
          i++;
        }
        case "--data-dir" -> {
          dataDirectory = Path.of(required(arg, value));
          i++;
        }
        case "--help", "-h" -> {
          System.out.println("usage: java -jar monotable-local.jar [--port 8000] [--host 127.0.0.1] [--ttl-sweep-seconds 60]"
              + " [--data-dir DIR]");
          return;
        }
        default -> {
          System.err.println("unknown option " + arg + "; try --help");
          System.exit(2);
        }
      }
    }
    Faults faults = new Faults();
    Engine engine = new Engine(Clock.systemUTC(), faults);
    if (dataDirectory != null) {
      engine.persistIn(dataDirectory);
    }
    HttpServerFrontEnd server = HttpServerFrontEnd.start(engine, new InetSocketAddress(InetAddress.getByName(host), port));
    long sweepMillis = sweepSeconds * 1000;
    if (sweepMillis > 0) {
      Thread sweeper = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          try {
            Thread.sleep(sweepMillis);
          } catch (InterruptedException e) {
            return;
          }
          engine.expireNow();
        }
      }, "monotable-local-ttl");
      sweeper.setDaemon(true);
      sweeper.start();
    }
    System.out.println("MonotableLocal listening on " + server.endpoint());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      engine.closeJournal();
      stopped.countDown();
    }));
    stopped.await();
  }

  private static String required(String option, String value) {
    if (value == null) {
      System.err.println(option + " needs a value");
      System.exit(2);
    }
    return value;
  }
}
