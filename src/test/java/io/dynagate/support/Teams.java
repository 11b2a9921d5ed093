package io.dynagate.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Teams and tokens made through the API, as an admin would. */
public final class Teams {

  private Teams() {}

  /** A token as issued: its id and the value to send. */
  public record Issued(String id, String token) {
    public String bearer() {
      return "Bearer " + token;
    }
  }

  public static void create(String team) {
    asAdmin().body("{\"name\":\"" + team + "\"}").post("/api/v1/teams").then().statusCode(201);
  }

  public static Issued issue(String team) {
    var answer =
        asAdmin()
            .post("/api/v1/teams/" + team + "/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Issued(answer.getString("id"), answer.getString("token"));
  }

  public static void revoke(String team, Issued token) {
    asAdmin().delete("/api/v1/teams/" + team + "/tokens/" + token.id()).then().statusCode(204);
  }

  public static RequestSpecification asAdmin() {
    return given().header("Authorization", "Bearer " + TestAuth.adminToken());
  }

  public static RequestSpecification as(Issued token) {
    return given().header("Authorization", token.bearer());
  }
}
