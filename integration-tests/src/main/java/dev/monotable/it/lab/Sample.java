package dev.monotable.it.lab;

import dev.monotable.annotation.Convert;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;

/** One field of every attribute type of DESIGN §6. */
@Entity(table = Lab.class)
@PartitionKey("SAMPLE#<id>")
public record Sample(
    UUID id,
    String text,
    boolean flag,
    Boolean boxedFlag,
    byte tiny,
    short small,
    int number,
    long big,
    float ratio,
    double measure,
    Integer boxedNumber,
    Long boxedBig,
    BigDecimal decimal,
    BigInteger huge,
    Color color,
    Instant instant,
    LocalDate date,
    LocalDateTime localDateTime,
    OffsetDateTime offsetDateTime,
    ZonedDateTime zonedDateTime,
    Duration duration,
    URI uri,
    byte[] bytes,
    SdkBytes sdkBytes,
    ByteBuffer buffer,
    List<String> strings,
    List<Address> addresses,
    Set<String> stringSet,
    Set<Integer> intSet,
    Set<SdkBytes> binarySet,
    Set<Color> colors,
    Map<String, Integer> counts,
    Map<String, List<Address>> addressBook,
    Address address,
    Optional<String> nickname,
    Optional<Address> backupAddress,
    @Convert(MoneyConverter.class) Money price) {}
