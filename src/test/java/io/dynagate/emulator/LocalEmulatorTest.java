package io.dynagate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.config.DynagateConfig;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The embedded emulator is local: it listens on loopback only, its DynamoDB endpoint never reaches
 * the registry, and the data directory is readable by its owner only.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class LocalEmulatorTest {

  @Inject EmbeddedEngine engine;
  @Inject DynagateConfig config;
  @Inject software.amazon.awssdk.services.iam.IamClient iam;

  @Test
  void listensOnLoopbackOnly() throws IOException {
    List<String> listeners = listenersOnPort(engine.emulatorPort());
    assertFalse(listeners.isEmpty(), "no listening socket found for the emulator's port");
    for (String address : listeners) {
      assertTrue(
          address.equals("0100007F")
              || address.equals("00000000000000000000000001000000")
              || address.equals("0000000000000000FFFF00000100007F"),
          "the emulator listens on " + address + ", not on loopback");
    }
    String external = externalAddress();
    if (external != null) {
      assertThrows(
          ConnectException.class,
          () -> {
            try (Socket socket = new Socket()) {
              socket.connect(new InetSocketAddress(external, engine.emulatorPort()), 2000);
            }
          });
    }
  }

  @Test
  void everyCallNamingTheRegistryIsDeniedAsAwsDeniesIt() {
    String registry = config.registry().table();
    String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + registry;
    Map<String, AttributeValue> key =
        Map.of("pk", AttributeValue.fromS("team"), "sk", AttributeValue.fromS("x"));
    try (DynamoDbClient dynamo = EmulatorHttp.dynamoDbThroughEmulator(engine.emulatorEndpoint())) {
      List<Consumer<DynamoDbClient>> calls =
          List.of(
              d -> d.describeTable(b -> b.tableName(registry)),
              d -> d.describeTable(b -> b.tableName(arn)),
              d -> d.scan(b -> b.tableName(registry)),
              d -> d.getItem(b -> b.tableName(registry).key(key)),
              d -> d.putItem(b -> b.tableName(registry).item(key)),
              d -> d.deleteItem(b -> b.tableName(registry).key(key)),
              d -> d.deleteTable(b -> b.tableName(registry)),
              d -> d.query(b -> b.tableName(registry).keyConditionExpression("pk = :p")),
              d ->
                  d.batchGetItem(
                      b ->
                          b.requestItems(
                              Map.of(registry, KeysAndAttributes.builder().keys(key).build()))),
              d ->
                  d.batchWriteItem(
                      b ->
                          b.requestItems(
                              Map.of(
                                  registry,
                                  List.of(
                                      software.amazon.awssdk.services.dynamodb.model.WriteRequest
                                          .builder()
                                          .putRequest(p -> p.item(key))
                                          .build())))),
              d ->
                  d.transactWriteItems(
                      b -> b.transactItems(t -> t.put(p -> p.tableName(registry).item(key)))),
              d ->
                  d.transactGetItems(
                      b -> b.transactItems(t -> t.get(g -> g.tableName(registry).key(key)))),
              d -> d.listTagsOfResource(b -> b.resourceArn(arn)),
              d -> d.executeStatement(b -> b.statement("SELECT * FROM \"" + registry + "\"")));
      for (Consumer<DynamoDbClient> call : calls) {
        DynamoDbException denied = assertThrows(DynamoDbException.class, () -> call.accept(dynamo));
        assertEquals(400, denied.statusCode());
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertTrue(
            denied
                .awsErrorDetails()
                .errorMessage()
                .matches(
                    "User: arn:aws:iam::000000000000:root is not authorized to perform:"
                        + " dynamodb:\\w+ on resource: "
                        + java.util.regex.Pattern.quote(arn)
                        + " with an explicit deny in a service control policy"),
            denied.awsErrorDetails().errorMessage());
      }
      // The registry is still whole, and other tables, names and values pass.
      assertTrue(dynamo.listTables().tableNames().contains(registry));
      dynamo.createTable(
          b ->
              b.tableName("notes")
                  .attributeDefinitions(
                      a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                  .keySchema(k -> k.attributeName("id").keyType("HASH"))
                  .billingMode("PAY_PER_REQUEST"));
      dynamo.waiter().waitUntilTableExists(b -> b.tableName("notes"));
      Map<String, AttributeValue> note =
          Map.of("id", AttributeValue.fromS(registry), "TableName", AttributeValue.fromS(registry));
      dynamo.putItem(b -> b.tableName("notes").item(note));
      assertEquals(
          note,
          dynamo
              .getItem(b -> b.tableName("notes").key(Map.of("id", AttributeValue.fromS(registry))))
              .item());
    }
  }

  @Test
  void anEscapedNameIsTheSameName() {
    String registry = config.registry().table();
    String escaped = "\\u00" + Integer.toHexString(registry.charAt(0)) + registry.substring(1);
    var answer =
        EmulatorHttp.sendSigned(
            engine.emulatorEndpoint(),
            "dynamodb",
            Map.of(
                "X-Amz-Target", "DynamoDB_20120810.Scan",
                "Content-Type", "application/x-amz-json-1.0"),
            "{\"TableName\":\"" + escaped + "\"}");
    assertEquals(400, answer.statusCode());
    assertTrue(answer.body().contains("AccessDeniedException"), answer.body());
  }

  @Test
  void theDataDirectoryIsReadableByItsOwnerOnly() throws IOException {
    Path data = config.dataDir().toAbsolutePath();
    // Something in every part: the emulator's state (an IAM role) beside dynalite and the token.
    iam.createRole(b -> b.roleName("private-files").assumeRolePolicyDocument(IamTest.TRUST));
    assertTrue(Files.isDirectory(data.resolve("emulator").resolve("iam")), "no emulator state");
    List<String> loose = new ArrayList<>();
    int files = 0;
    try (Stream<Path> all = Files.walk(data)) {
      for (Path path : all.toList()) {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
        boolean directory = Files.isDirectory(path);
        files += directory ? 0 : 1;
        boolean shared =
            mode.stream()
                .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        if (shared || (!directory && mode.contains(PosixFilePermission.OWNER_EXECUTE))) {
          loose.add(data.relativize(path) + " " + mode);
        }
      }
    }
    assertTrue(files > 0, "nothing was written under " + data);
    assertTrue(Files.isDirectory(data.resolve("dynamodb")), "no dynalite directory");
    assertEquals(List.of(), loose);
  }

  /** Local addresses (hex, as the kernel lists them) of the sockets listening on a port. */
  private static List<String> listenersOnPort(int port) throws IOException {
    String hexPort = String.format(Locale.ROOT, "%04X", port);
    List<String> found = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
        String[] columns = line.trim().split("\\s+");
        String[] local = columns[1].split(":");
        boolean listening = columns[3].equals("0A");
        if (listening && local[1].equals(hexPort)) {
          found.add(local[0]);
        }
      }
    }
    return found;
  }

  /** An address of this machine that is not loopback, or null when it has none. */
  static String externalAddress() throws IOException {
    var interfaces = java.net.NetworkInterface.getNetworkInterfaces();
    while (interfaces.hasMoreElements()) {
      var network = interfaces.nextElement();
      if (!network.isUp() || network.isLoopback()) {
        continue;
      }
      var addresses = network.getInetAddresses();
      while (addresses.hasMoreElements()) {
        var address = addresses.nextElement();
        if (address instanceof java.net.Inet4Address) {
          return address.getHostAddress();
        }
      }
    }
    return null;
  }
}
