package io.dynagate.emulator.core;

import java.util.concurrent.CompletionStage;

/**
 * Runs requests to deployed stages: {@code /restapis/{restApiId}/{stage}/_user_request_/{path}}.
 * The emulator calls the one CDI bean implementing it, or answers as API Gateway does for a path it
 * cannot serve when there is none.
 */
public interface DataPlaneHandler {

  /**
   * Answers one invocation.
   *
   * @param restApiId the REST API's id from the URL
   * @param stage the stage name from the URL
   * @param path the part after {@code _user_request_}, starting with {@code /}, still encoded
   * @param request the whole request as received
   */
  CompletionStage<EmulatorResponse> invoke(
      String restApiId, String stage, String path, EmulatorRequest request);
}
