package io.dynagate.emulator.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;

/** UpdateMethodResponse through the AWS SDK: concurrent patches and paths built to break out. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class UpdateMethodResponseTest {

  @Inject ApiGatewayClient apiGateway;

  private String[] methodWithResponse() {
    String id = apiGateway.createRestApi(b -> b.name("umr-" + System.nanoTime())).id();
    String root = apiGateway.getResources(b -> b.restApiId(id)).items().get(0).id();
    apiGateway.putMethod(
        b -> b.restApiId(id).resourceId(root).httpMethod("GET").authorizationType("NONE"));
    apiGateway.putMethodResponse(
        b -> b.restApiId(id).resourceId(root).httpMethod("GET").statusCode("200"));
    return new String[] {id, root};
  }

  private PatchOperation add(String path, String value) {
    return PatchOperation.builder().op(Op.ADD).path(path).value(value).build();
  }

  @Test
  void fiftyParallelAddsAreAllKept() throws Exception {
    String[] api = methodWithResponse();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Object>> done =
          IntStream.range(0, 50)
              .mapToObj(
                  i ->
                      pool.<Object>submit(
                          () ->
                              apiGateway.updateMethodResponse(
                                  b ->
                                      b.restApiId(api[0])
                                          .resourceId(api[1])
                                          .httpMethod("GET")
                                          .statusCode("200")
                                          .patchOperations(
                                              add(
                                                  "/responseParameters/method.response.header.h"
                                                      + i,
                                                  "true")))))
              .toList();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    Map<String, Boolean> parameters =
        apiGateway
            .getMethodResponse(
                b -> b.restApiId(api[0]).resourceId(api[1]).httpMethod("GET").statusCode("200"))
            .responseParameters();
    assertEquals(50, parameters.size(), "no patch lost to another");
  }

  @Test
  void aBadOperationInABatchLeavesNothingHalfWritten() {
    String[] api = methodWithResponse();
    assertThrows(
        BadRequestException.class,
        () ->
            apiGateway.updateMethodResponse(
                b ->
                    b.restApiId(api[0])
                        .resourceId(api[1])
                        .httpMethod("GET")
                        .statusCode("200")
                        .patchOperations(
                            add("/responseModels/application~1json", "Empty"),
                            add("/../../statusCode", "500"))));
    var response =
        apiGateway.getMethodResponse(
            b -> b.restApiId(api[0]).resourceId(api[1]).httpMethod("GET").statusCode("200"));
    assertEquals("200", response.statusCode());
    assertEquals(Map.of(), response.responseModels(), "the first operation is not kept");
  }

  @Test
  void removingWhatIsNotThereIsNotFound() {
    String[] api = methodWithResponse();
    NotFoundException missing =
        assertThrows(
            NotFoundException.class,
            () ->
                apiGateway.updateMethodResponse(
                    b ->
                        b.restApiId(api[0])
                            .resourceId(api[1])
                            .httpMethod("GET")
                            .statusCode("200")
                            .patchOperations(
                                PatchOperation.builder()
                                    .op(Op.REMOVE)
                                    .path("/responseModels/text~1html")
                                    .build())));
    assertEquals("Content-Type specified was not found", missing.awsErrorDetails().errorMessage());
  }
}
