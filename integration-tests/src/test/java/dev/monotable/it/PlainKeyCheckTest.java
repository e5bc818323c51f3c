package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.legacy.Account;
import dev.monotable.it.legacy.OrdersTable;
import dev.monotable.it.legacy.UsersTable;
import dev.monotable.it.plainkey.BlobsTable;
import dev.monotable.it.plainkey.Chunk;
import dev.monotable.it.plainkey.ChunkFields;
import dev.monotable.it.plainkey.ChunkRepository;
import dev.monotable.it.plainkey.Tag;
import dev.monotable.it.plainkey.TagFields;
import dev.monotable.it.plainkey.TagKeys;
import dev.monotable.it.plainkey.TagRepository;
import dev.monotable.it.plainkey.TagsTable;
import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Plain keys, fields stored as they are under the table's key attributes, are checked as key
 * templates are: an empty string or binary value, a partition key over 2,048 bytes or a sort key
 * over 1,024 (in UTF-8 for strings) is refused with an {@link InvalidKeyException} naming the
 * entity and the field, before anything is sent — by every operation that takes a key: writes,
 * reads, updates, batches, transactions and queries.
 */
@ExtendWith(DynamoDbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainKeyCheckTest {
  /** 2,049 bytes in UTF-8. */
  private static final String PARTITION_TOO_LONG = "o".repeat(2049);
  /** 1,025 characters, 2,050 bytes in UTF-8: the limit is in bytes. */
  private static final String PARTITION_TOO_MANY_BYTES = "é".repeat(1025);
  /** 1,025 bytes in UTF-8. */
  private static final String SORT_TOO_LONG = "n".repeat(1025);
  /** 513 characters, 1,026 bytes in UTF-8. */
  private static final String SORT_TOO_MANY_BYTES = "é".repeat(513);

  private final RequestCounter requests = new RequestCounter();
  private DynamoDbClient client;
  private TagsTable tags;
  private BlobsTable blobs;
  private UsersTable users;
  private OrdersTable orders;

  @BeforeAll
  void createTheTables(TestDynamoDb dynamo) {
    client = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(requests)));
    tags = TagsTable.of(client, dynamo.uniqueTableName("Tags"));
    blobs = BlobsTable.of(client, dynamo.uniqueTableName("Blobs"));
    users = UsersTable.of(client, dynamo.uniqueTableName("Users"));
    orders = OrdersTable.of(client, dynamo.uniqueTableName("Orders"));
    tags.createIfNotExists();
    blobs.createIfNotExists();
    users.createIfNotExists();
    orders.createIfNotExists();
  }

  @AfterAll
  void close() {
    client.close();
  }

  /** {@code refused} throws InvalidKeyException for {@code field} of {@code entity}, naming {@code problem}, sending nothing. */
  private void assertRefused(String entity, String field, String problem, Executable refused) {
    int sent = requests.sent();
    InvalidKeyException e = assertThrows(InvalidKeyException.class, refused);
    assertEquals(entity, e.entity(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(problem), "names " + problem + ": " + e.getMessage());
    assertEquals(sent, requests.sent(), "a request was sent before the refusal: " + e.getMessage());
  }

  /** Every operation of Tag that takes a key, given the key {@code (owner, name)}. */
  private List<Executable> everyOperation(String owner, String name) {
    TagRepository repository = tags.tags();
    Tag tag = new Tag(owner, name, 1);
    Tag good = new Tag("ada", "fine", 1);
    return List.of(
        () -> repository.put(tag),
        () -> repository.putIfAbsent(tag),
        () -> repository.get(owner, name),
        () -> repository.delete(owner, name),
        () -> repository.delete(tag),
        () -> repository.update(owner, name).set(TagFields.USES, 2).execute(),
        () -> repository.upsert(owner, name).set(TagFields.USES, 2).execute(),
        () -> repository.batchPut(List.of(good, tag)),
        () -> repository.batchGet(List.of(new TagRepository.Key("ada", "fine"), new TagRepository.Key(owner, name))),
        () -> repository.batchDelete(List.of(new TagRepository.Key(owner, name))),
        () -> tags.batchWrite().put(repository, good).put(repository, tag).execute(),
        () -> tags.batchWrite().delete(repository, tag).execute(),
        () -> tags.batchGet().get(repository, TagKeys.primaryKey(owner, name)),
        () -> tags.transaction().put(repository, good).put(repository, tag).execute(),
        () -> tags.transaction().delete(repository, tag).execute(),
        () -> tags.transaction().conditionCheck(repository, tag, TagFields.USES.gt(0)).execute(),
        () -> tags.transaction().update(repository.update(owner, name).set(TagFields.USES, 2)).execute(),
        () -> tags.transactionRead().get(repository, TagKeys.primaryKey(owner, name)));
  }

  /** Every query of Tag, with the sort key narrowed by {@code name}. */
  private List<Executable> everySortKeyQuery(String name) {
    TagRepository repository = tags.tags();
    return List.of(
        () -> repository.tagsOfOwner("ada").name(name).list(),
        () -> repository.tagsOfOwner("ada").name().atLeast(name).list(),
        () -> repository.tagsOfOwner("ada").name().lessThan(name).list(),
        () -> repository.tagsOfOwner("ada").name().between("a", name).list(),
        () -> repository.tagsOfOwner("ada").name().beginsWith(name).list());
  }

  @Test
  void anEmptyStringKey_isRefusedByEveryOperation() {
    for (Executable operation : everyOperation("", "fine")) {
      assertRefused("Tag", "owner", "empty", operation);
    }
    for (Executable operation : everyOperation("ada", "")) {
      assertRefused("Tag", "name", "empty", operation);
    }
    assertRefused("Tag", "owner", "empty", () -> tags.tags().tagsOfOwner("").list());
    for (Executable query : everySortKeyQuery("")) {
      assertRefused("Tag", "name", "empty", query);
    }
    // a table made before Monotable, keyed by a plain string
    assertRefused("Account", "userId", "empty", () -> users.accounts().put(new Account("", "Ada", "ada@example.com")));
    assertRefused("Account", "userId", "empty", () -> users.accounts().get(""));
    // a plain attribute as an index partition key
    assertRefused("Purchase", "status", "empty", () -> orders.purchases().purchasesByStatus("").list());
  }

  @Test
  void aPartitionKeyOver2048Bytes_isRefusedByEveryOperation() {
    for (String owner : List.of(PARTITION_TOO_LONG, PARTITION_TOO_MANY_BYTES)) {
      for (Executable operation : everyOperation(owner, "fine")) {
        assertRefused("Tag", "owner", "2048", operation);
      }
      assertRefused("Tag", "owner", "2048", () -> tags.tags().tagsOfOwner(owner).list());
      assertRefused("Account", "userId", "2048", () -> users.accounts().get(owner));
      assertRefused("Purchase", "status", "2048", () -> orders.purchases().purchasesByStatus(owner).list());
    }
    // 2,048 bytes is a key
    String longest = "o".repeat(2048);
    Tag tag = new Tag(longest, "fine", 7);
    tags.tags().put(tag);
    assertEquals(Optional.of(tag), tags.tags().get(longest, "fine"));
    assertEquals(List.of(tag), tags.tags().tagsOfOwner(longest).list());
  }

  @Test
  void aSortKeyOver1024Bytes_isRefusedByEveryOperation() {
    for (String name : List.of(SORT_TOO_LONG, SORT_TOO_MANY_BYTES)) {
      for (Executable operation : everyOperation("ada", name)) {
        assertRefused("Tag", "name", "1024", operation);
      }
      for (Executable query : everySortKeyQuery(name)) {
        assertRefused("Tag", "name", "1024", query);
      }
    }
    // 1,024 bytes is a sort key
    String longest = "n".repeat(1024);
    Tag tag = new Tag("bob", longest, 3);
    tags.tags().put(tag);
    assertEquals(Optional.of(tag), tags.tags().get("bob", longest));
    assertEquals(List.of(tag), tags.tags().tagsOfOwner("bob").name().atLeast(longest).list());
  }

  @Test
  void binaryKeys_areCheckedToo() {
    ChunkRepository chunks = blobs.chunks();
    byte[] digest = {1, 2, 3};
    byte[] part = {0};
    for (byte[] bad : List.of(new byte[0], new byte[2049])) {
      String problem = bad.length == 0 ? "empty" : "2048";
      assertRefused("Chunk", "digest", problem, () -> chunks.put(new Chunk(bad, part, "x")));
      assertRefused("Chunk", "digest", problem, () -> chunks.get(bad, part));
      assertRefused("Chunk", "digest", problem, () -> chunks.delete(bad, part));
      assertRefused("Chunk", "digest", problem,
          () -> chunks.update(bad, part).set(ChunkFields.DATA, "y").execute());
      assertRefused("Chunk", "digest", problem, () -> chunks.batchGet(List.of(new ChunkRepository.Key(bad, part))));
      assertRefused("Chunk", "digest", problem,
          () -> blobs.transaction().put(chunks, new Chunk(bad, part, "x")).execute());
      assertRefused("Chunk", "digest", problem, () -> chunks.chunksOf(bad).list());
    }
    for (byte[] bad : List.of(new byte[0], new byte[1025])) {
      String problem = bad.length == 0 ? "empty" : "1024";
      assertRefused("Chunk", "part", problem, () -> chunks.put(new Chunk(digest, bad, "x")));
      assertRefused("Chunk", "part", problem, () -> chunks.get(digest, bad));
      assertRefused("Chunk", "part", problem, () -> chunks.batchDelete(List.of(new ChunkRepository.Key(digest, bad))));
      assertRefused("Chunk", "part", problem, () -> blobs.batchWrite().delete(chunks, new Chunk(digest, bad, "x"))
          .execute());
      assertRefused("Chunk", "part", problem, () -> chunks.chunksOf(digest).part(bad).list());
      assertRefused("Chunk", "part", problem, () -> chunks.chunksOf(digest).part().atMost(bad).list());
    }
    // the largest keys are keys
    byte[] longestDigest = new byte[2048];
    Arrays.fill(longestDigest, (byte) 7);
    byte[] longestPart = new byte[1024];
    Arrays.fill(longestPart, (byte) 0xff);
    chunks.put(new Chunk(longestDigest, longestPart, "last"));
    Chunk read = chunks.get(longestDigest, longestPart).orElseThrow();
    assertArrayEquals(longestPart, read.part());
    assertEquals("last", read.data());
    assertEquals(1, chunks.chunksOf(longestDigest).part().atMost(longestPart).list().size());
  }
}
