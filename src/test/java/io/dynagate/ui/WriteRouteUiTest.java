package io.dynagate.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A write route declared with the route form and tried with a JSON body, in headless Chromium. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class WriteRouteUiTest {

  @RegisterExtension static final Browser browser = new Browser();

  @TestHTTPResource("/ui")
  URL ui;

  @Inject DynamoDbClient dynamoDb;

  @AfterAll
  static void closeBrowser() throws Exception {
    browser.close();
  }

  private void type(String id, String text) {
    WebElement field = browser.visible(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private void choose(String id, String value) {
    new Select(browser.visible(By.id(id))).selectByValue(value);
  }

  @Test
  void aPutItemRouteIsDeclaredWithTheFormAndTriedWithAJsonBody() {
    given()
        .body(
            """
            {"TableName": "ui-notes",
             "AttributeDefinitions": [{"AttributeName": "noteId", "AttributeType": "S"}],
             "KeySchema": [{"AttributeName": "noteId", "KeyType": "HASH"}],
             "BillingMode": "PAY_PER_REQUEST", "AttributeSchema": {"title": "S"}}
            """)
        .put("/api/v1/tables/ui-notes")
        .then()
        .statusCode(201);
    given().body("{}").put("/api/v1/apis/ui-notes").then().statusCode(201);

    browser.open(ui + "/signin");
    browser.driver().executeScript("sessionStorage.clear()");
    browser.visible(By.id("token")).sendKeys(TestAuth.adminToken(), Keys.ENTER);
    browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(ui.toString()));
    browser.open(ui + "/apis/ui-notes/routes/new");
    type("route-name", "put-note");
    type("route-path", "/notes/{noteId}");
    choose("route-table", "ui-notes");
    choose("route-action", "PutItem");
    assertEquals("POST", browser.visible(By.id("route-method")).getAttribute("value"));
    assertFalse(browser.driver().findElement(By.id("route-projection")).isDisplayed());
    assertFalse(browser.driver().findElement(By.id("route-version")).isDisplayed());
    choose("route-method", "PUT");
    choose("route-mode", "upsert");
    browser.visible(By.id("route-timestamps")).click();
    browser.fullPageScreenshot("route-form-put-item");
    browser.visible(By.cssSelector("#route-form button[type=submit]")).click();
    browser.visible(By.cssSelector("#routes li[data-route='put-note']"));
    given()
        .get("/api/v1/apis/ui-notes/routes/put-note")
        .then()
        .body("spec.method", equalTo("PUT"))
        .body("spec.action", equalTo("PutItem"))
        .body("spec.mode", equalTo("upsert"))
        .body("spec.timestamps", equalTo(true))
        .body("spec.allowUndeclared", nullValue())
        .body("spec.projection", nullValue());

    browser.visible(By.id("reconcile")).click();
    browser
        .waitFor(Duration.ofSeconds(60))
        .until(ExpectedConditions.textToBe(By.id("api-phase"), "Ready"));
    WebElement card = browser.visible(By.cssSelector("#routes li[data-route='put-note']"));
    card.findElement(By.tagName("summary")).click();
    card.findElement(By.cssSelector("[data-field='path.noteId'] input")).sendKeys("n1");
    WebElement json = card.findElement(By.cssSelector(".try-json"));
    json.clear();
    json.sendKeys("{\"title\": \"it's \\\"quoted\\\"\"}");
    card.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement code = browser.visible(By.cssSelector("li[data-route='put-note'] .try-code"));
    assertEquals("201", code.getText());
    assertTrue(card.findElement(By.cssSelector(".try-status")).getText().contains("PUT"));
    var item =
        dynamoDb.getItem(
            get -> get.tableName("ui-notes").key(Map.of("noteId", AttributeValue.fromS("n1"))));
    assertEquals("it's \"quoted\"", item.item().get("title").s());
    assertTrue(item.item().containsKey("createdAt"));

    json.clear();
    json.sendKeys("{\"title\": 5}");
    card.findElement(By.cssSelector("button[type=submit]")).click();
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBe(
                By.cssSelector("li[data-route='put-note'] .try-code"), "400"));
    assertTrue(
        card.findElement(By.cssSelector(".try-body")).getText().contains("Invalid request body"));
  }
}
