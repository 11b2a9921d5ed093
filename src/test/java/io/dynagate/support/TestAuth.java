package io.dynagate.support;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** How tests authenticate: the admin token of the test profile, or a token of their own. */
public final class TestAuth {

  private TestAuth() {}

  /** The test profile's admin token ({@code %test.dynagate.auth.admin-token}). */
  public static String adminToken() {
    return ConfigProvider.getConfig().getValue("dynagate.auth.admin-token", String.class);
  }

  /** RestAssured calls without an Authorization header of their own go as admin. */
  public static void asAdmin() {
    List<Filter> filters = withoutDefaultToken();
    filters.add(new DefaultToken());
    RestAssured.replaceFiltersWith(filters);
  }

  /** RestAssured calls carry only the headers each test sets. */
  public static void anonymous() {
    RestAssured.replaceFiltersWith(withoutDefaultToken());
  }

  private static List<Filter> withoutDefaultToken() {
    List<Filter> filters = new ArrayList<>(RestAssured.filters());
    filters.removeIf(DefaultToken.class::isInstance);
    return filters;
  }

  private static final class DefaultToken implements Filter {
    @Override
    public Response filter(
        FilterableRequestSpecification request,
        FilterableResponseSpecification response,
        FilterContext context) {
      if (!request.getHeaders().hasHeaderWithName("Authorization")) {
        request.header("Authorization", "Bearer " + adminToken());
      }
      return context.next(request, response);
    }
  }
}
