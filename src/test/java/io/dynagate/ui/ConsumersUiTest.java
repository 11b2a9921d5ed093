package io.dynagate.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Teams;
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

/**
 * The API page's consumers: a team added with its plan shows its key once (with a copy button), the
 * list shows it without the key, an unknown team is refused at its field, a revoke removes it.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class ConsumersUiTest {

  @RegisterExtension static final Browser browser = new Browser();

  @TestHTTPResource("/ui")
  URL ui;

  @AfterAll
  static void closeBrowser() throws Exception {
    browser.close();
  }

  @Test
  void aConsumerIsAddedWithItsKeyShownOnceThenRevoked() {
    given()
        .body("{\"access\":{\"authorization\":\"API_KEY\"}}")
        .put("/api/v1/apis/ui-consumed")
        .then()
        .statusCode(201);
    Teams.create("ui-buyer");
    browser.open(ui + "/signin");
    browser.driver().executeScript("sessionStorage.clear()");
    browser.visible(By.id("token")).sendKeys(TestAuth.adminToken(), Keys.ENTER);
    browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(ui.toString()));
    browser.open(ui + "/apis/ui-consumed");

    browser.visible(By.id("consumer-team")).sendKeys("no-such-team");
    browser.visible(By.id("consumer-add")).click();
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("consumer-form"), "no team no-such-team exists"));

    browser.visible(By.id("consumer-team")).clear();
    browser.visible(By.id("consumer-team")).sendKeys("ui-buyer");
    browser.visible(By.id("consumer-add")).click();
    String key = browser.visible(By.id("consumer-key-value")).getText();
    assertTrue(key.length() >= 20, key);
    assertEquals("ui-buyer", browser.visible(By.id("consumer-key-team")).getText());
    browser.visible(By.id("consumer-key-copy"));
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("consumers"), "ui-buyer"));
    assertTrue(
        !browser.visible(By.id("consumers")).getText().contains(key), "the list never shows it");

    browser.visible(By.cssSelector("[aria-label='Revoke consumer ui-buyer']")).click();
    browser.visible(By.id("confirm-yes")).sendKeys(Keys.ENTER);
    browser
        .waitFor(Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("consumers-empty")));
    given().get("/api/v1/apis/ui-consumed/consumers/ui-buyer").then().statusCode(404);
  }
}
