package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.apigateway.model.ApiDefinition;
import java.util.Map;

/**
 * Runs one method of a definition as the data plane would, for {@code TestInvokeMethod}. The data
 * plane implements it; this package only reads the call and writes the answer.
 */
public interface MethodTester {

  /**
   * Runs a method once.
   *
   * @param restApiId the API
   * @param definition what to run (the draft)
   * @param resourceId the resource whose method runs
   * @param httpMethod the method
   * @param pathWithQueryString e.g. {@code /users/u1?x=1}, still encoded
   * @param headers request headers as given
   * @param body the request payload, or null
   */
  Result test(
      String restApiId,
      ApiDefinition definition,
      String resourceId,
      String httpMethod,
      String pathWithQueryString,
      Map<String, String> headers,
      String body);

  /** What {@code TestInvokeMethod} answers. */
  record Result(int status, Map<String, String> headers, String body, String log, long latency) {}
}
