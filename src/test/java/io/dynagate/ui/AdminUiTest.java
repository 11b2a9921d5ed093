package io.dynagate.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.dynagate.support.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
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

/** The admin UI in a real headless Chromium against the running service (embedded mode). */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class AdminUiTest {

  @RegisterExtension static final Browser browser = new Browser();

  @TestHTTPResource("/ui")
  URL ui;

  @Inject DynamoDbClient dynamoDb;

  @AfterAll
  static void closeBrowser() throws Exception {
    browser.close();
  }

  private String page(String path) {
    return ui + path;
  }

  private void signIn() {
    browser.open(page("/signin"));
    browser.driver().executeScript("sessionStorage.clear()");
    WebElement token = browser.visible(By.id("token"));
    token.sendKeys(TestAuth.adminToken(), Keys.ENTER);
    browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(ui.toString()));
  }

  private void type(String id, String text) {
    WebElement field = browser.visible(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** A route form once its tables are listed: only then can a table be chosen. */
  private void openRouteForm(String path) {
    browser.open(page(path));
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#route-form[data-ready]")));
  }

  /** Chooses once the option is there: a form's choices (e.g. tables) arrive after it shows. */
  private void choose(String id, String value) {
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#" + id + " option[value='" + value + "']")));
    new Select(browser.visible(By.id(id))).selectByValue(value);
  }

  private WebElement fieldError(String dataField) {
    return browser.visible(By.cssSelector("[data-field='" + dataField + "'] .field-error"));
  }

  @Test
  void aPageWithoutATokenSendsToSignInWhereOnlyAValidTokenIsAccepted() {
    browser.open(page("/signin"));
    browser.driver().executeScript("sessionStorage.clear()");
    browser.open(page("/apis/new"));
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/ui/signin?next="));

    browser.visible(By.id("token")).sendKeys(Keys.ENTER);
    assertEquals("is required", fieldError("token").getText());
    assertEquals("true", browser.visible(By.id("token")).getAttribute("aria-invalid"));

    browser.visible(By.id("token")).sendKeys("not-a-token", Keys.ENTER);
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBe(
                By.cssSelector("[data-field='token'] .field-error"), "this token is not accepted"));
    assertEquals(
        null, browser.driver().executeScript("return sessionStorage.getItem('dynagate.token')"));
    browser.visible(By.id("token")).clear();

    browser.visible(By.id("token")).sendKeys(TestAuth.adminToken(), Keys.ENTER);
    browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(page("/apis/new")));
    browser.screenshot("api-form");
  }

  @Test
  void theSignInPageSaysWhereTheEmbeddedAdminTokenIs() {
    browser.open(page("/signin"));
    String hint = browser.visible(By.id("token-hint")).getText();
    assertTrue(hint.contains("DYNAGATE_ADMIN_TOKEN"), hint);
    assertTrue(hint.contains("data/admin-token"), hint);
  }

  @Test
  void anUnknownApiIsANotFoundPageWithNothingToActOn() {
    signIn();
    browser.open(page("/apis/no-such-api"));
    assertTrue(
        browser.visible(By.id("not-found")).getText().contains("404"),
        browser.driver().getPageSource());
    assertEquals(
        List.of(), browser.driver().findElements(By.cssSelector("main button, main a.button")));
  }

  @Test
  void anActionsOutcomeIsAnnouncedNextToItsButton() {
    given().body("{}").put("/api/v1/apis/notice-api").then().statusCode(201);
    signIn();
    browser.open(page("/apis/notice-api"));
    browser.visible(By.id("reconcile")).click();
    WebElement outcome =
        browser.visible(By.xpath("//button[@id='reconcile']/parent::div/following-sibling::div"));
    browser
        .waitFor(Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBePresentInElement(outcome, "Pass over"));
    assertTrue(outcome.getAttribute("class").contains("notice"), outcome.getAttribute("class"));
    assertEquals("polite", outcome.getAttribute("aria-live"));
    assertEquals("status", outcome.getAttribute("role"));
  }

  @Test
  void theSeedsCreateTableJsonPastedInTheFormDeclaresTheTable() {
    signIn();
    browser.open(page("/tables/new"));
    browser.visible(By.id("mode-json")).click();
    WebElement json = browser.visible(By.id("table-json"));
    json.clear();
    json.sendKeys("{\"TableName\": \"pasted-users\",");
    browser.visible(By.cssSelector("#table-form button[type=submit]")).click();
    assertTrue(fieldError("*").getText().contains("not valid JSON"), fieldError("*").getText());
    assertEquals(json, browser.driver().switchTo().activeElement());

    json.clear();
    json.sendKeys(Seed.usersTableNamed("pasted-users"));
    browser.visible(By.cssSelector("#table-form button[type=submit]")).click();

    WebElement row = browser.visible(By.cssSelector("#tables tr[data-table='pasted-users']"));
    assertEquals("userId (S, partition)", row.findElement(By.cssSelector("td.keys")).getText());
    assertTrue(browser.visible(By.id("notice")).getText().contains("Table pasted-users saved."));
    browser.screenshot("overview");
  }

  @Test
  void aQueryRouteIsOfferedThePartitionKeyAndASortKeyConditionFromTheIndexChosen() {
    signIn();
    browser.open(page("/tables/new"));
    type("table-name", "orders");
    type("pk-name", "customerId");
    type("sk-name", "orderedAt");
    browser.visible(By.id("add-gsi")).click();
    assertEquals(browser.visible(By.id("gsi-0-0")), browser.driver().switchTo().activeElement());
    type("gsi-0-0", "by-status");
    type("gsi-0-1", "status");
    type("gsi-0-3", "total");
    choose("gsi-0-4", "N");
    browser.screenshot("table-form");
    browser.visible(By.cssSelector("#table-form button[type=submit]")).click();
    WebElement row = browser.visible(By.cssSelector("#tables tr[data-table='orders']"));
    assertEquals(
        "customerId (S, partition), orderedAt (S, sort)",
        row.findElement(By.cssSelector("td.keys")).getText());

    declareApiWithTheForm("orders-api");
    openRouteForm("/apis/orders-api/routes/new");
    type("route-name", "orders-by-status");
    type("route-path", "/orders/{status}");
    choose("route-table", "orders");
    assertEquals(2, browser.driver().findElements(By.cssSelector("#key-rows .key-row")).size());
    choose("route-action", "Query");
    choose("route-index", "by-status");
    assertEquals(
        List.of("status"),
        browser.driver().findElements(By.cssSelector("#key-rows .key-row")).stream()
            .map(key -> key.getAttribute("data-attribute"))
            .toList());
    choose("sk-condition", "BETWEEN");
    type("sk-low", "query.min");
    type("sk-high", "query.max");
    type("route-limit", "10");
    browser.fullPageScreenshot("route-form-query");
    browser.visible(By.cssSelector("#route-form button[type=submit]")).click();

    WebElement card = browser.visible(By.cssSelector("#routes li[data-route='orders-by-status']"));
    assertTrue(card.getText().contains("Query on orders (index by-status)"), card.getText());
    card.findElement(By.tagName("summary")).click();
    assertEquals(
        List.of(
            "path.status", "query.min", "query.max", "query.limit", "query.cursor", "query.order"),
        card.findElements(By.cssSelector(".try-params [data-field]")).stream()
            .map(field -> field.getAttribute("data-field"))
            .toList());
  }

  @Test
  void theKeyMappingFollowsThePathsParametersUntilTheUserChangesIt() {
    signIn();
    declareTableWithTheForm("follow-users");
    declareApiWithTheForm("follow-api");
    openRouteForm("/apis/follow-api/routes/new");
    choose("route-table", "follow-users");
    type("route-path", "/people/{id}");
    assertEquals(
        "path",
        new Select(browser.visible(By.id("key-0-location")))
            .getFirstSelectedOption()
            .getAttribute("value"));
    assertEquals("id", browser.visible(By.id("key-0-name")).getAttribute("value"));

    type("route-path", "/people");
    assertEquals(
        "query",
        new Select(browser.visible(By.id("key-0-location")))
            .getFirstSelectedOption()
            .getAttribute("value"));

    WebElement name = browser.visible(By.id("key-0-name"));
    name.clear();
    name.sendKeys("who");
    type("route-path", "/people/{someoneElse}");
    assertEquals("who", browser.visible(By.id("key-0-name")).getAttribute("value"));
  }

  @Test
  void tryItPagesThroughAQueryRoute() {
    given()
        .body(
            """
            {"TableName": "paged-orders",
             "AttributeDefinitions": [{"AttributeName": "customerId", "AttributeType": "S"},
                                      {"AttributeName": "orderId", "AttributeType": "S"}],
             "KeySchema": [{"AttributeName": "customerId", "KeyType": "HASH"},
                           {"AttributeName": "orderId", "KeyType": "RANGE"}],
             "BillingMode": "PAY_PER_REQUEST"}
            """)
        .put("/api/v1/tables/paged-orders")
        .then()
        .statusCode(201);
    given().body("{}").put("/api/v1/apis/paged-api").then().statusCode(201);
    given()
        .body(
            "{\"method\":\"GET\",\"path\":\"/customers/{customerId}/orders\","
                + "\"table\":\"paged-orders\",\"action\":\"Query\",\"limit\":1}")
        .put("/api/v1/apis/paged-api/routes/orders")
        .then()
        .statusCode(201);
    given().post("/api/v1/apis/paged-api/reconcile?wait=true").then().statusCode(200);
    for (String order : List.of("o1", "o2")) {
      dynamoDb.putItem(
          put ->
              put.tableName("paged-orders")
                  .item(
                      Map.of(
                          "customerId", AttributeValue.fromS("c1"),
                          "orderId", AttributeValue.fromS(order))));
    }
    signIn();
    browser.open(page("/apis/paged-api"));
    WebElement card = browser.visible(By.cssSelector("#routes li[data-route='orders']"));
    card.findElement(By.tagName("summary")).click();
    card.findElement(By.cssSelector("[data-field='path.customerId'] input"))
        .sendKeys("c1", Keys.ENTER);
    browser.visible(By.cssSelector("li[data-route='orders'] .try-next"));
    assertTrue(card.findElement(By.cssSelector(".try-body")).getText().contains("o1"));

    card.findElement(By.cssSelector(".try-next")).click();
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("li[data-route='orders'] .try-body"), "o2"));
    String cursor =
        card.findElement(By.cssSelector("[data-field='query.cursor'] input")).getAttribute("value");
    assertTrue(!cursor.isEmpty(), "the cursor field was not filled from nextCursor");
  }

  @Test
  void aTablesPageShowsItsStatusArnAndTheRoutesUsingIt() {
    given().body(Seed.usersTableNamed("page-users")).put("/api/v1/tables/page-users");
    given().body("{}").put("/api/v1/apis/page-api").then().statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"page-users\"}")
        .put("/api/v1/apis/page-api/routes/get-user")
        .then()
        .statusCode(201);
    given().post("/api/v1/apis/page-api/reconcile?wait=true").then().statusCode(200);
    signIn();
    browser.visible(By.linkText("page-users")).click();
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("table-arn"), "arn:aws:dynamodb:"));
    assertTrue(browser.visible(By.id("table-arn")).getText().endsWith(":table/page-users"));
    assertTrue(!browser.visible(By.id("table-phase")).getText().isBlank());
    WebElement use =
        browser.visible(By.cssSelector("#table-routes tr[data-route='page-api/get-user']"));
    assertTrue(use.getText().contains("GET /users/{userId}"), use.getText());
  }

  @Test
  void longVtlLinesScrollInsideTheirBoxesNotThePage() {
    given().body(Seed.usersTableNamed("wide-users")).put("/api/v1/tables/wide-users");
    given().body("{}").put("/api/v1/apis/wide-api").then().statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"wide-users\"}")
        .put("/api/v1/apis/wide-api/routes/get-user")
        .then()
        .statusCode(201);
    signIn();
    var window = browser.driver().manage().window();
    var before = window.getSize();
    window.setSize(new org.openqa.selenium.Dimension(800, before.height));
    try {
      browser.open(page("/apis/wide-api"));
      browser.visible(By.cssSelector("#definition pre.code"));
      Object pageScrolls =
          browser
              .driver()
              .executeScript(
                  "return document.documentElement.scrollWidth"
                      + " > document.documentElement.clientWidth");
      Object aBoxScrolls =
          browser
              .driver()
              .executeScript(
                  "return [...document.querySelectorAll('pre.code')]"
                      + ".some(p => p.scrollWidth > p.clientWidth)");
      assertEquals(false, pageScrolls, "the page scrolls sideways");
      assertEquals(true, aBoxScrolls, "no box holds a line longer than itself");
    } finally {
      window.setSize(before);
    }
  }

  @Test
  void anInvalidRoutePathIsShownNextToThePathField() {
    signIn();
    declareTableWithTheForm("path-users");
    declareApiWithTheForm("path-api");
    openRouteForm("/apis/path-api/routes/new");
    type("route-name", "bad-path");
    type("route-path", "users/{userId}");
    choose("route-table", "path-users");
    browser.visible(By.id("route-path")).sendKeys(Keys.ENTER);

    assertEquals("must start with / (at most 1,024 characters)", fieldError("path").getText());
    WebElement path = browser.visible(By.id("route-path"));
    assertEquals("true", path.getAttribute("aria-invalid"));
    assertEquals(path, browser.driver().switchTo().activeElement());
    browser.screenshot("route-form-field-error");
  }

  @Test
  void aRouteDeclaredWithTheFormsGoesLiveAnswersTheItemAndIsDeleted() {
    signIn();
    declareTableWithTheForm("live-users");
    declareApiWithTheForm("live-api");

    browser.visible(By.linkText("New route")).click();
    type("route-name", "get-user");
    type("route-path", "/users/{userId}");
    choose("route-table", "live-users");
    WebElement keyName = browser.visible(By.id("key-0-name"));
    assertEquals("userId", keyName.getAttribute("value"));
    browser.visible(By.cssSelector("#route-form button[type=submit]")).click();

    WebElement card = browser.visible(By.cssSelector("#routes li[data-route='get-user']"));
    assertTrue(card.getText().contains("/users/{userId}"));
    browser.visible(By.id("reconcile")).click();
    browser
        .waitFor(Duration.ofSeconds(60))
        .until(ExpectedConditions.textToBe(By.id("api-phase"), "Ready"));
    assertTrue(browser.visible(By.id("api-invoke-url")).getText().contains("/restapis/"));

    dynamoDb.putItem(
        put ->
            put.tableName("live-users")
                .item(
                    Map.of(
                        "userId", AttributeValue.fromS("user123"),
                        "name", AttributeValue.fromS("Ada"))));
    card = browser.visible(By.cssSelector("#routes li[data-route='get-user']"));
    card.findElement(By.tagName("summary")).click();
    WebElement userId = card.findElement(By.cssSelector("[data-field='path.userId'] input"));
    userId.sendKeys("user123", Keys.ENTER);
    WebElement code = browser.visible(By.cssSelector("li[data-route='get-user'] .try-code"));
    assertEquals("200", code.getText());
    String body = card.findElement(By.cssSelector(".try-body")).getText();
    assertTrue(body.contains("\"name\": \"Ada\""), body);
    browser.fullPageScreenshot("api-page");

    userId.clear();
    userId.sendKeys("nobody", Keys.ENTER);
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBe(
                By.cssSelector("li[data-route='get-user'] .try-code"), "404"));

    card.findElement(By.cssSelector("button.danger")).click();
    WebElement confirm = browser.visible(By.id("confirm-yes"));
    assertTrue(browser.visible(By.id("confirm-text")).getText().contains("get-user"));
    browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
    assertEquals(confirm, browser.driver().switchTo().activeElement());
    confirm.sendKeys(Keys.ENTER);
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#routes li[data-route='get-user']"), 0));
    assertTrue(browser.visible(By.id("routes-empty")).isDisplayed());
  }

  @Test
  void editingAnApiChangesWhatTheFormShowsAndKeepsWhatItDoesNot() {
    given()
        .body(
            "{\"description\":\"v1\",\"cors\":{\"allowOrigins\":[\"*\"],\"allowHeaders\":[\"X-Trace\"]}}")
        .put("/api/v1/apis/edited-api")
        .then()
        .statusCode(201);
    signIn();
    browser.open(page("/apis/edited-api/edit"));
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(ExpectedConditions.attributeToBe(By.id("api-cors-origins"), "value", "*"));
    type("api-description", "v2");
    browser.visible(By.id("api-description")).sendKeys(Keys.ENTER);
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(ExpectedConditions.urlToBe(page("/apis/edited-api")));

    given()
        .get("/api/v1/apis/edited-api")
        .then()
        .body("version", equalTo(2))
        .body("spec.description", equalTo("v2"))
        .body("spec.cors.allowHeaders[0]", equalTo("X-Trace"));
  }

  private void declareTableWithTheForm(String name) {
    browser.open(page("/tables/new"));
    type("table-name", name);
    type("pk-name", "userId");
    browser.visible(By.cssSelector("#table-form button[type=submit]")).click();
    browser.visible(By.cssSelector("#tables tr[data-table='" + name + "']"));
  }

  private void declareApiWithTheForm(String name) {
    browser.open(page("/apis/new"));
    type("api-name", name);
    type("api-description", "lookups for the UI test");
    browser.visible(By.cssSelector("#api-form button[type=submit]")).click();
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(ExpectedConditions.urlToBe(page("/apis/" + name)));
  }
}
