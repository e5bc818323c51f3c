package dev.monotable.benchmarks;

/** Cold start: the JVM's own start and exit, the part no library changes. */
public final class EmptyMain {
  private EmptyMain() {}

  public static void main(String[] args) {
    System.out.println("started");
  }
}
