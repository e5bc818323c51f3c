package dev.monotable.runtime;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Encodes a query's {@code LastEvaluatedKey} as an opaque URL-safe token: the access pattern it
 * belongs to, the key attributes, and a digest of both, so that a token from another pattern or an
 * altered one is recognised and refused. With a cursor key in the table's options
 * ({@link TableOptions#withCursorKey(byte[])}) the digest is an HMAC-SHA256 under that key, which a
 * client cannot forge; without one it is a plain SHA-256, which detects changes but is no signature.
 */
final class Cursors {
  private static final byte VERSION = 1;
  private static final int DIGEST_BYTES = 12;

  private Cursors() {}

  static String encode(TableOptions options, String pattern, Map<String, AttributeValue> lastEvaluatedKey) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(pattern);
      out.writeByte(lastEvaluatedKey.size());
      for (Map.Entry<String, AttributeValue> entry : lastEvaluatedKey.entrySet()) {
        out.writeUTF(entry.getKey());
        AttributeValue value = entry.getValue();
        byte[] content;
        if (value.s() != null) {
          out.writeByte('S');
          content = value.s().getBytes(StandardCharsets.UTF_8);
        } else if (value.n() != null) {
          out.writeByte('N');
          content = value.n().getBytes(StandardCharsets.UTF_8);
        } else {
          out.writeByte('B');
          content = value.b().asByteArray();
        }
        out.writeInt(content.length);
        out.write(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = bytes.toByteArray();
    byte[] token = Arrays.copyOf(body, body.length + DIGEST_BYTES);
    System.arraycopy(digest(options, body), 0, token, body.length, DIGEST_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  static Map<String, AttributeValue> decode(TableOptions options, String pattern, String cursor) {
    byte[] token;
    try {
      token = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException("the cursor is not one Monotable made: it is not URL-safe base64");
    }
    if (token.length <= DIGEST_BYTES) {
      throw new InvalidCursorException("the cursor is too short to be one Monotable made");
    }
    byte[] body = Arrays.copyOf(token, token.length - DIGEST_BYTES);
    byte[] digest = Arrays.copyOfRange(token, token.length - DIGEST_BYTES, token.length);
    if (!MessageDigest.isEqual(digest, Arrays.copyOf(digest(options, body), DIGEST_BYTES))) {
      throw new InvalidCursorException("the cursor was altered, or was not made with this table's cursor key");
    }
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
      if (in.readByte() != VERSION) {
        throw new InvalidCursorException("the cursor is of an unknown version");
      }
      String madeBy = in.readUTF();
      if (!madeBy.equals(pattern)) {
        throw new InvalidCursorException("the cursor continues access pattern " + madeBy + ", not " + pattern);
      }
      int size = in.readUnsignedByte();
      Map<String, AttributeValue> key = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        String name = in.readUTF();
        int type = in.readUnsignedByte();
        byte[] content = new byte[in.readInt()];
        in.readFully(content);
        key.put(name, switch (type) {
          case 'S' -> AttributeValue.fromS(new String(content, StandardCharsets.UTF_8));
          case 'N' -> AttributeValue.fromN(new String(content, StandardCharsets.UTF_8));
          default -> AttributeValue.fromB(SdkBytes.fromByteArray(content));
        });
      }
      return key;
    } catch (IOException e) {
      throw new InvalidCursorException("the cursor is truncated");
    }
  }

  private static byte[] digest(TableOptions options, byte[] body) {
    byte[] key = options.cursorKey();
    if (key != null) {
      try {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        mac.update("monotable-cursor".getBytes(StandardCharsets.US_ASCII));
        return mac.doFinal(body);
      } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
        throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
      }
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("monotable-cursor".getBytes(StandardCharsets.US_ASCII));
      return sha.digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
