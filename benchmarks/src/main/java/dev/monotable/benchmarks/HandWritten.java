package dev.monotable.benchmarks;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The floor: what an expert writes by hand for exactly Monotable's item of an {@link Order}
 * (MarshallingBenchmark checks that the items are equal). Presized maps, the timestamp formatted
 * once and parsed digit by digit, and the same checks Monotable makes: key components neither
 * null, empty nor holding the delimiter, key length in UTF-8, DynamoDB's number range, the type
 * attribute, the type of every attribute read. Errors name the attribute, but the code pays for
 * that only when it throws.
 */
public final class HandWritten {
  static final String TYPE = "Order";
  private static final int MAX_PARTITION_KEY_BYTES = 2048;
  private static final int MAX_SORT_KEY_BYTES = 1024;
  /** Fixed-width UTC form: {@code 2024-05-01T09:30:00.123000000Z}. */
  private static final int TIME_WIDTH = 30;
  private static final long FIRST_SECOND = -62_167_219_200L;
  private static final long LAST_SECOND = 253_402_300_799L;

  private HandWritten() {}

  /** The item of {@code order}, equal to {@code OrderSchema.INSTANCE.toItem(order)}. */
  public static Map<String, AttributeValue> toItem(Order order) {
    String time = keyTime(order.orderDate());
    Map<String, AttributeValue> item = new HashMap<>(16);
    item.put("PK", AttributeValue.fromS(checkedLength("USER#" + component("userId", order.userId()),
        MAX_PARTITION_KEY_BYTES)));
    item.put("SK", AttributeValue.fromS(checkedLength("ORDER#" + time + "#" + component("orderId", order.orderId()),
        MAX_SORT_KEY_BYTES)));
    item.put("_type", AttributeValue.fromS(TYPE));
    item.put("userId", AttributeValue.fromS(order.userId()));
    item.put("orderId", AttributeValue.fromS(order.orderId()));
    item.put("orderDate", AttributeValue.fromS(time));
    if (order.status() != null) {
      item.put("status", AttributeValue.fromS(order.status().name()));
    }
    if (order.total() != null) {
      item.put("total", AttributeValue.fromN(number("total", order.total())));
    }
    List<Line> lines = order.lines();
    if (lines != null) {
      List<AttributeValue> values = new ArrayList<>(lines.size());
      for (int i = 0; i < lines.size(); i++) {
        Line line = lines.get(i);
        values.add(line == null ? AttributeValue.fromNul(true) : AttributeValue.fromM(lineAttributes(line)));
      }
      item.put("lines", AttributeValue.fromL(values));
    }
    return item;
  }

  private static Map<String, AttributeValue> lineAttributes(Line line) {
    Map<String, AttributeValue> map = new HashMap<>(4);
    if (line.sku() != null) {
      map.put("sku", AttributeValue.fromS(line.sku()));
    }
    map.put("quantity", AttributeValue.fromN(Integer.toString(line.quantity())));
    if (line.unitPrice() != null) {
      map.put("unitPrice", AttributeValue.fromN(number("lines.unitPrice", line.unitPrice())));
    }
    return map;
  }

  /** The primary key of an order, as a GetItem sends it. */
  public static Map<String, AttributeValue> key(String userId, Instant orderDate, String orderId) {
    Map<String, AttributeValue> key = new HashMap<>(4);
    key.put("PK", AttributeValue.fromS(checkedLength("USER#" + component("userId", userId), MAX_PARTITION_KEY_BYTES)));
    key.put("SK", AttributeValue.fromS(checkedLength("ORDER#" + keyTime(orderDate) + "#" + component("orderId", orderId),
        MAX_SORT_KEY_BYTES)));
    return key;
  }

  /** The partition key value of a user's orders, for a query. */
  public static String partition(String userId) {
    return checkedLength("USER#" + component("userId", userId), MAX_PARTITION_KEY_BYTES);
  }

  /** The order in {@code item}, equal to {@code OrderSchema.INSTANCE.fromItem(item)}. */
  public static Order fromItem(Map<String, AttributeValue> item) {
    AttributeValue type = item.get("_type");
    if (type == null || !TYPE.equals(type.s())) {
      throw new IllegalArgumentException("not an Order item: _type is " + type);
    }
    return new Order(string(item, "userId"), string(item, "orderId"), instant(item, "orderDate"),
        status(item.get("status")), decimal(item.get("total"), "total"), lines(item.get("lines")));
  }

  private static List<Line> lines(AttributeValue value) {
    if (value == null || Boolean.TRUE.equals(value.nul())) {
      return null;
    }
    if (!value.hasL()) {
      throw new IllegalArgumentException("lines: expected L, found " + value.type());
    }
    List<AttributeValue> values = value.l();
    List<Line> lines = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      AttributeValue element = values.get(i);
      if (Boolean.TRUE.equals(element.nul())) {
        lines.add(null);
      } else if (element.hasM()) {
        Map<String, AttributeValue> map = element.m();
        lines.add(new Line(string(map, "sku"), integer(map.get("quantity")),
            decimal(map.get("unitPrice"), "unitPrice")));
      } else {
        throw new IllegalArgumentException("lines[" + i + "]: expected M, found " + element.type());
      }
    }
    return lines;
  }

  private static String string(Map<String, AttributeValue> attributes, String name) {
    AttributeValue value = attributes.get(name);
    if (value == null) {
      return null;
    }
    String s = value.s();
    if (s == null && !Boolean.TRUE.equals(value.nul())) {
      throw new IllegalArgumentException(name + ": expected S, found " + value.type());
    }
    return s;
  }

  private static Status status(AttributeValue value) {
    if (value == null || Boolean.TRUE.equals(value.nul())) {
      return null;
    }
    String s = value.s();
    if (s == null) {
      throw new IllegalArgumentException("status: expected S, found " + value.type());
    }
    switch (s) {
      case "PENDING": return Status.PENDING;
      case "PAID": return Status.PAID;
      case "SHIPPED": return Status.SHIPPED;
      default: throw new IllegalArgumentException("status: \"" + s + "\" is not a Status");
    }
  }

  private static BigDecimal decimal(AttributeValue value, String name) {
    if (value == null || Boolean.TRUE.equals(value.nul())) {
      return null;
    }
    if (value.n() == null) {
      throw new IllegalArgumentException(name + ": expected N, found " + value.type());
    }
    return new BigDecimal(value.n());
  }

  /** An int: plain digits directly, any other form of N (1.0, 1E2) through BigDecimal. */
  private static int integer(AttributeValue value) {
    if (value == null || Boolean.TRUE.equals(value.nul())) {
      return 0;
    }
    String n = value.n();
    if (n == null) {
      throw new IllegalArgumentException("quantity: expected N, found " + value.type());
    }
    int length = n.length();
    int start = length > 0 && n.charAt(0) == '-' ? 1 : 0;
    if (length > start && length - start <= 9) {
      int result = 0;
      int i = start;
      for (; i < length; i++) {
        char c = n.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        result = result * 10 + (c - '0');
      }
      if (i == length) {
        return start == 1 ? -result : result;
      }
    }
    return new BigDecimal(n).intValueExact();
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    String text = string(item, name);
    if (text == null) {
      return null;
    }
    Instant parsed = parseKeyTime(text);
    return parsed != null ? parsed : Instant.parse(text);
  }

  private static String component(String field, String value) {
    if (value == null || value.isEmpty() || value.indexOf('#') >= 0) {
      throw new IllegalArgumentException("key field " + field + " is null, empty or holds '#': " + value);
    }
    return value;
  }

  /** A key within DynamoDB's limit: a string of at most max/3 chars is, whatever they are. */
  private static String checkedLength(String key, int maxBytes) {
    if (key.length() > maxBytes / 3 && key.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw new IllegalArgumentException("key longer than " + maxBytes + " bytes");
    }
    return key;
  }

  private static String number(String name, BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    int precision = value.precision();
    // the leading digit's exponent does not change when trailing zeros are stripped
    int exponent = precision - value.scale() - 1;
    if (exponent < -130 || exponent > 125) {
      throw new IllegalArgumentException(name + ": " + value + " is out of DynamoDB's number range");
    }
    if (precision <= 38) {
      return value.toString();
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.precision() > 38) {
      throw new IllegalArgumentException(name + ": " + value + " has more than 38 significant digits");
    }
    return stripped.toString();
  }

  /** {@code instant} as {@code uuuu-MM-ddTHH:mm:ss.nnnnnnnnnZ}, digit by digit. */
  static String keyTime(Instant instant) {
    if (instant == null) {
      throw new IllegalArgumentException("key field orderDate is null");
    }
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
      throw new IllegalArgumentException("key field orderDate lies outside years 0 to 9999: " + instant);
    }
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    // civil date from days since 1970-01-01 (H. Hinnant's algorithm)
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    int dayOfEra = (int) (z - era * 146_097);
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int mp = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * mp + 2) / 5 + 1;
    int month = mp < 10 ? mp + 3 : mp - 9;
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

    byte[] text = new byte[TIME_WIDTH];
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, month, 2);
    text[7] = '-';
    digits(text, 8, day, 2);
    text[10] = 'T';
    digits(text, 11, secondOfDay / 3600, 2);
    text[13] = ':';
    digits(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    digits(text, 17, secondOfDay % 60, 2);
    text[19] = '.';
    digits(text, 20, instant.getNano(), 9);
    text[29] = 'Z';
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  private static void digits(byte[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The fixed-width form back, or null for any other text (then {@code Instant.parse} decides). */
  static Instant parseKeyTime(String text) {
    if (text.length() != TIME_WIDTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(29) != 'Z') {
      return null;
    }
    int year = parseDigits(text, 0, 4);
    int month = parseDigits(text, 5, 2);
    int day = parseDigits(text, 8, 2);
    int hour = parseDigits(text, 11, 2);
    int minute = parseDigits(text, 14, 2);
    int second = parseDigits(text, 17, 2);
    int nano = parseDigits(text, 20, 9);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59 || nano < 0) {
      return null;
    }
    // days since 1970-01-01 from the civil date (H. Hinnant's algorithm)
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    long days = era * 146_097L + dayOfEra - 719_468;
    return Instant.ofEpochSecond(days * 86_400L + hour * 3600 + minute * 60 + second, nano);
  }

  private static int parseDigits(String text, int at, int width) {
    int value = 0;
    for (int i = at; i < at + width; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4: case 6: case 9: case 11: return 30;
      default: return 31;
    }
  }
}
