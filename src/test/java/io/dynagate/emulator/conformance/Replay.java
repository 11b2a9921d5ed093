package io.dynagate.emulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Sends one recorded call through an AWS SDK v2 client, found by the operation's name, and reads
 * the answer back as JSON with its status: a success as its members, a failure as boto3 shows it
 * ({@code Error.Code}, {@code Error.Message}).
 */
final class Replay {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** An answer: its HTTP status and its members. */
  record Answer(int status, ObjectNode body) {
    boolean failed() {
      return status >= 400;
    }
  }

  private final Map<String, Object> clients;

  /**
   * @param clients SDK clients by the short service name a step names ({@code apigateway}, {@code
   *     iam})
   */
  Replay(Map<String, Object> clients) {
    this.clients = clients;
  }

  Answer call(String service, String operation, JsonNode params) {
    Object client = clients.get(service);
    if (client == null) {
      throw new IllegalArgumentException("no client for " + service);
    }
    try {
      String modelPackage = client.getClass().getInterfaces()[0].getPackageName() + ".model.";
      Class<?> requestType = Class.forName(modelPackage + operation + "Request");
      SdkPojo builder = (SdkPojo) requestType.getMethod("builder").invoke(null);
      SdkJson.fill(builder, params);
      Object request = ((SdkBuilder<?, ?>) builder).build();
      Method method = findMethod(client, operation, requestType);
      AwsResponse response = (AwsResponse) method.invoke(client, request);
      return new Answer(
          response.sdkHttpResponse().statusCode(), SdkJson.toJson((SdkPojo) response));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof AwsServiceException failure) {
        return error(failure);
      }
      throw new IllegalStateException(operation + " failed in the client", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot call " + operation, e);
    }
  }

  private static Method findMethod(Object client, String operation, Class<?> requestType)
      throws NoSuchMethodException {
    String name = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
    return client.getClass().getInterfaces()[0].getMethod(name, requestType);
  }

  private static Answer error(AwsServiceException failure) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode error = body.putObject("Error");
    error.put("Code", failure.awsErrorDetails().errorCode());
    error.put("Message", failure.awsErrorDetails().errorMessage());
    return new Answer(failure.statusCode(), body);
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
