package dev.monotable.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.monotable.runtime.InvalidKeyException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A plain key's value, stored as it is, is checked as DynamoDB checks key values: present, not an
 * empty string or binary value, within 2,048 bytes (partition keys and any index key) or 1,024
 * (sort keys), strings counted in UTF-8.
 */
class PlainKeyValueTest {
  @Test
  void anEmptyString_orBinary_isNoKey() {
    InvalidKeyException e = assertThrows(InvalidKeyException.class,
        () -> KeyMaps.value("Account", "userId", AttributeCodecs.STRING, ""));
    assertEquals("Account", e.entity());
    assertEquals("userId", e.field());
    assertEquals("<userId>", e.template());
    assertEquals("Invalid key for Account, field 'userId' of template \"<userId>\": is empty; a key cannot be an"
        + " empty string", e.getMessage());
    assertThrows(InvalidKeyException.class,
        () -> KeyMaps.sortKeyValue("Chunk", "part", AttributeCodecs.BYTE_ARRAY, new byte[0]));
    assertThrows(InvalidKeyException.class,
        () -> KeyMaps.value("Chunk", "digest", AttributeCodecs.BYTE_BUFFER, ByteBuffer.allocate(0)));
    assertThrows(InvalidKeyException.class, () -> KeyMaps.value("Chunk", "digest", AttributeCodecs.STRING, null));
  }

  @Test
  void sizes_areCountedInBytes_upToEachKeysLimit() {
    assertEquals(AttributeValue.fromS("a".repeat(2048)),
        KeyMaps.value("Account", "userId", AttributeCodecs.STRING, "a".repeat(2048)));
    InvalidKeyException partition = assertThrows(InvalidKeyException.class,
        () -> KeyMaps.value("Account", "userId", AttributeCodecs.STRING, "é".repeat(1025)));
    assertEquals("Invalid key for Account, field 'userId' of template \"<userId>\": is 2050 bytes in UTF-8;"
        + " DynamoDB allows at most 2048 in this key", partition.getMessage());

    assertEquals(AttributeValue.fromS("é".repeat(512)),
        KeyMaps.sortKeyValue("Tag", "name", AttributeCodecs.STRING, "é".repeat(512)));
    assertThrows(InvalidKeyException.class,
        () -> KeyMaps.sortKeyValue("Tag", "name", AttributeCodecs.STRING, "n".repeat(1025)));
    assertEquals(1024, KeyMaps.sortKeyValue("Chunk", "part", AttributeCodecs.SDK_BYTES,
        SdkBytes.fromByteArray(new byte[1024])).b().asByteArray().length);
    InvalidKeyException sort = assertThrows(InvalidKeyException.class,
        () -> KeyMaps.sortKeyValue("Chunk", "part", AttributeCodecs.BYTE_ARRAY, new byte[1025]));
    assertEquals("Invalid key for Chunk, field 'part' of template \"<part>\": is 1025 bytes; DynamoDB allows at"
        + " most 1024 in this key", sort.getMessage());
  }

  @Test
  void numbers_areKeysAtAnySize() {
    assertEquals(AttributeValue.fromN("0"), KeyMaps.sortKeyValue("Purchase", "timestamp", AttributeCodecs.LONG, 0L));
    assertEquals(AttributeValue.fromN(String.valueOf(Long.MIN_VALUE)),
        KeyMaps.value("Device", "deviceId", AttributeCodecs.LONG, Long.MIN_VALUE));
  }
}
