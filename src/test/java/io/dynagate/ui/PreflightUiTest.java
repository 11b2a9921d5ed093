package io.dynagate.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Preflight on the API page, in a real headless Chromium: a failing probe shows what it asked. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class PreflightUiTest {

  @RegisterExtension static final Browser browser = new Browser();

  @TestHTTPResource("/ui")
  URL ui;

  @AfterAll
  static void closeBrowser() throws Exception {
    browser.close();
  }

  @Test
  void aFailingProbeShowsItsRequestAndAnswer() throws Exception {
    given()
        .body(
            """
            {"TableName": "ui-pf-users",
             "AttributeDefinitions": [{"AttributeName": "userId", "AttributeType": "S"}],
             "KeySchema": [{"AttributeName": "userId", "KeyType": "HASH"}],
             "BillingMode": "PAY_PER_REQUEST"}
            """)
        .put("/api/v1/tables/ui-pf-users")
        .then()
        .statusCode(201);
    given().body("{}").put("/api/v1/apis/ui-pf").then().statusCode(201);
    String keyless = "#set($context.responseOverride.status = 200){\"greeting\":\"hello\"}";
    given()
        .body(
            new ObjectMapper()
                .writeValueAsString(
                    Map.of(
                        "method", "GET",
                        "path", "/users/{userId}",
                        "table", "ui-pf-users",
                        "responseTemplate", keyless)))
        .put("/api/v1/apis/ui-pf/routes/get-user")
        .then()
        .statusCode(201);

    browser.open(ui + "/signin");
    browser.driver().executeScript("sessionStorage.clear()");
    browser.visible(By.id("token")).sendKeys(TestAuth.adminToken(), Keys.ENTER);
    browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(ui.toString()));
    browser.open(ui + "/apis/ui-pf");
    // the page may first show the report of the pass the declarations started: wait for this run
    browser.visible(By.id("run-preflight")).click();
    browser
        .waitFor(Duration.ofSeconds(120))
        .until(ExpectedConditions.textToBe(By.id("run-preflight"), "Run preflight"));
    // on a loaded machine the click may land before the page has shown the pass's own report:
    // the row of this run may take longer than one visibility wait
    WebElement found =
        browser
            .waitFor(Duration.ofSeconds(120))
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#preflight tr[data-probe='found item']")));
    assertTrue(found.getText().contains("failed"), found.getText());
    assertEquals(
        "the answer does not hold the key userId = \"pf-userId-0\"",
        found.findElement(By.className("preflight-reason")).getText());
    assertEquals(
        "GET /users/pf-userId-0", found.findElement(By.className("preflight-request")).getText());
    assertEquals(
        "200\n{\"greeting\":\"hello\"}",
        found.findElement(By.className("preflight-answer")).getText());
    assertTrue(
        browser.visible(By.id("preflight-summary")).getText().startsWith("Preflight failed"));
  }
}
