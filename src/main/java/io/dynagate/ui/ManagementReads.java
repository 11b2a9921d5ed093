package io.dynagate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads declarations through this service's own management API, with the caller's Authorization
 * header: the "try it" proxy then sees exactly what the caller may see, under the same rules as
 * every other API call, without a second implementation of them.
 */
@ApplicationScoped
class ManagementReads {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json;

  ManagementReads(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The envelope at {@code /api/v1/PATH...}, asked of the address the caller's request came in on
   * (so it is one this service listens on); an error answer is passed on to the caller as is.
   */
  JsonNode read(SocketAddress local, String authorization, String... segments) {
    StringBuilder path = new StringBuilder("/api/v1");
    for (String segment : segments) {
      path.append('/')
          .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(origin(local) + path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new WebApplicationException(
            Response.status(answer.statusCode())
                .type(answer.headers().firstValue("Content-Type").orElse("application/json"))
                .entity(answer.body())
                .build());
      }
      return json.readTree(answer.body());
    } catch (IOException e) {
      throw new IllegalStateException("the management API did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String origin(SocketAddress local) {
    String host = local.hostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + local.port();
  }
}
