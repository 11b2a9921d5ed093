package io.dynagate.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * RestAssured sends a String body as {@code text/plain} unless told otherwise, which the API
 * refuses (415): a test's body goes as JSON unless it sets another Content-Type (a test that means
 * to send text/plain uses another client). Registered in {@code META-INF/services}.
 */
public class JsonByDefault implements QuarkusTestBeforeEachCallback {

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    if (RestAssured.filters().stream().noneMatch(JsonBody.class::isInstance)) {
      RestAssured.filters(new JsonBody());
    }
  }

  private static final class JsonBody implements Filter {
    @Override
    public Response filter(
        FilterableRequestSpecification request,
        FilterableResponseSpecification response,
        FilterContext context) {
      // RestAssured has set its default (text/plain) by the time filters run.
      String type = request.getContentType();
      if (request.getBody() != null && (type == null || type.startsWith("text/plain"))) {
        request.contentType("application/json");
      }
      return context.next(request, response);
    }
  }
}
