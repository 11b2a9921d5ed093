package io.dynagate.embedded;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.OwnDynalite;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The embedded dynalite keeps its files to the size of what it holds while it is read: a Query or
 * Scan must not hold on to the database as it was (dynalite 4.0.0 left every read's LevelDB
 * iterator open, and with it every table file and memtable that read saw; see launch.js).
 */
class DynaliteStorageTest {

  private static final int KEYS = 100;
  private static final int VALUE_BYTES = 40_000;
  private static final int OVERWRITES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path data;
  private DynaliteProcess dynalite;
  private DynamoDbClient dynamo;

  @BeforeEach
  void start() throws IOException {
    dynalite = OwnDynalite.start(data);
    dynamo =
        DynamoDbClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + dynalite.port()))
            .region(Region.US_EAST_1)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
    dynamo.createTable(
        b ->
            b.tableName("events")
                .keySchema(
                    k -> k.attributeName("pk").keyType(KeyType.HASH),
                    k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .billingMode("PAY_PER_REQUEST"));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName("events"));
  }

  @AfterEach
  void stop() {
    dynamo.close();
    dynalite.close();
  }

  /**
   * 4 MB of items overwritten twelve times (48 MB written, incompressible), with a Query that stops
   * at its limit, one that reads to the end and a Scan after every batch, as the registry's reads
   * come between its writes. LevelDB compacts the overwritten versions away only if no open read
   * still holds them: the files settle near the live size. With the reads left open they were all
   * kept (48 MB and more).
   */
  @Test
  void overwrittenItemsLeaveNoFilesBehindWhileReadsComeBetweenWrites() throws Exception {
    long written = 0;
    for (int round = 0; round < OVERWRITES; round++) {
      for (int first = 0; first < KEYS; first += 25) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int key = first; key < first + 25; key++) {
          batch.add(
              WriteRequest.builder()
                  .putRequest(PutRequest.builder().item(item(key)).build())
                  .build());
          written += VALUE_BYTES;
        }
        dynamo.batchWriteItem(b -> b.requestItems(Map.of("events", batch)));
        dynamo.query(
            b ->
                b.tableName("events")
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p")))
                    .limit(1));
        dynamo.query(
            b ->
                b.tableName("events")
                    .keyConditionExpression("pk = :p AND sk > :s")
                    .expressionAttributeValues(
                        Map.of(
                            ":p", AttributeValue.fromS("p"), ":s", AttributeValue.fromN("" + KEYS)))
                    .limit(5));
        dynamo.scan(b -> b.tableName("events").limit(2));
      }
    }
    long live = (long) KEYS * VALUE_BYTES;
    // Besides the live items LevelDB may keep its log (up to its 4 MB write buffer) and up to
    // three level-0 tables of that size before it compacts them: 16 MB, and a margin.
    long bound = live + 20_000_000;
    // Compaction runs in LevelDB's background thread: give it time to settle.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long size = dataBytes();
    while (size > bound && System.nanoTime() < deadline) {
      Thread.sleep(200);
      dynamo.scan(b -> b.tableName("events").limit(1));
      size = dataBytes();
    }
    System.out.printf(
        "dynalite's files: %d bytes for %d of items, %d written%n", size, live, written);
    assertTrue(
        size <= bound,
        "dynalite keeps "
            + size
            + " bytes of files for "
            + live
            + " bytes of items after "
            + written
            + " bytes written");
  }

  private static Map<String, AttributeValue> item(int key) {
    byte[] value = new byte[VALUE_BYTES * 3 / 4];
    RANDOM.nextBytes(value);
    return Map.of(
        "pk", AttributeValue.fromS("p"),
        "sk", AttributeValue.fromN(Integer.toString(key)),
        "v", AttributeValue.fromS(Base64.getEncoder().encodeToString(value)));
  }

  private long dataBytes() throws IOException {
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(Files::isRegularFile).mapToLong(DynaliteStorageTest::size).sum();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // deleted by a compaction while we walked
    }
  }
}
