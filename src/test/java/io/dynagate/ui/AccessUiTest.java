package io.dynagate.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.dynagate.support.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The API page says who may call: a public API plainly, a keyed one with its policy. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class AccessUiTest {

  @RegisterExtension static final Browser browser = new Browser();

  @TestHTTPResource("/ui")
  URL ui;

  @AfterAll
  static void closeBrowser() throws Exception {
    browser.close();
  }

  @Test
  void theApiPageMarksAPublicApiAndDescribesAGuardedOne() {
    given().body("{}").put("/api/v1/apis/ui-open").then().statusCode(201);
    given()
        .body(
            "{\"access\":{\"authorization\":\"API_KEY\",\"resourcePolicy\":"
                + "{\"sourceIps\":[\"10.0.0.0/8\"]}}}")
        .put("/api/v1/apis/ui-guarded")
        .then()
        .statusCode(201);
    browser.open(ui + "/signin");
    browser.driver().executeScript("sessionStorage.clear()");
    browser.visible(By.id("token")).sendKeys(TestAuth.adminToken(), Keys.ENTER);
    browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(ui.toString()));

    browser.open(ui + "/apis/ui-open");
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("api-access"), "PUBLIC"));
    browser.open(ui + "/apis/ui-guarded");
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("api-access"), "consumer API key"));
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("api-access"), "from 10.0.0.0/8"));
  }

  @Test
  void theApiPageListsTheLivePublicRoutesPlainly() {
    given().body(Seed.usersTableNamed("ui_pub_users")).put("/api/v1/tables/ui_pub_users");
    given()
        .body(
            "{\"access\":{\"authorization\":\"API_KEY\",\"routes\":{\"open-user\":"
                + "{\"authorization\":\"NONE\"}}}}")
        .put("/api/v1/apis/ui-mixed")
        .then()
        .statusCode(201);
    for (String route : new String[] {"open-user", "keyed-user"}) {
      given()
          .body(
              "{\"method\":\"GET\",\"path\":\"/"
                  + route
                  + "/{userId}\",\"table\":\"ui_pub_users\"}")
          .put("/api/v1/apis/ui-mixed/routes/" + route)
          .then()
          .statusCode(201);
    }
    given()
        .post("/api/v1/apis/ui-mixed/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.publicRoutes", contains("GET /open-user/{userId}"));
    browser.open(ui + "/signin");
    browser.driver().executeScript("sessionStorage.clear()");
    browser.visible(By.id("token")).sendKeys(TestAuth.adminToken(), Keys.ENTER);
    browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(ui.toString()));
    browser.open(ui + "/apis/ui-mixed");
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("api-public-routes"), "PUBLIC GET /open-user/{userId}"));
    String shown = browser.visible(By.id("api-public-routes")).getText();
    org.junit.jupiter.api.Assertions.assertFalse(shown.contains("keyed-user"), shown);
  }
}
