package io.dynagate.emulator.dynamodb;

import java.net.URI;

/** The DynamoDB engine behind the emulator's endpoint (dynalite in the embedded mode). */
@FunctionalInterface
public interface DynamoEngine {

  /** Where the engine answers; may start it on first call. */
  URI endpoint();
}
