package dev.monotable.it;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, for a table's options: timestamps and expiry at chosen instants. */
final class MovableClock extends Clock {
  /** The instant the clock says now; tests set it. */
  Instant now;

  MovableClock(Instant start) {
    now = start;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
