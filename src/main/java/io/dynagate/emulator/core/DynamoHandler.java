package io.dynagate.emulator.core;

import java.util.concurrent.CompletionStage;

/**
 * DynamoDB on the emulator's endpoint (calls whose SigV4 scope names {@code dynamodb}), answered by
 * the CDI bean implementing it.
 */
public interface DynamoHandler {

  /** The operation as the SDKs name it, for the call counter. */
  String operation(EmulatorRequest request);

  /** Answers one call as DynamoDB would; never blocks. */
  CompletionStage<EmulatorResponse> forward(EmulatorRequest request);
}
