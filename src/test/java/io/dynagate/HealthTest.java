package io.dynagate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class HealthTest {

  @Test
  void readyWhenTheRegistryTableAnswers() {
    given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }
}
