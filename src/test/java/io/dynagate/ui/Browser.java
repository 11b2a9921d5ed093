package io.dynagate.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, Debian's, driven through Debian's chromedriver: both paths are given,
 * so Selenium Manager never looks for (or downloads) a browser or a driver. A failed test leaves a
 * screenshot of the page in {@code target/ui-screenshots/}.
 */
final class Browser implements AfterEachCallback, AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final Path profile;
  private final ChromeDriver driver;

  Browser() {
    try {
      profile = Files.createTempDirectory("ui-test-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,900",
        "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .build();
    driver = withOwnClassLoader(() -> new ChromeDriver(service, options));
  }

  /**
   * Selenium finds its parts with ServiceLoader on the context class loader; under {@code
   * QuarkusTest} that is another loader than the one that loaded Selenium's interfaces.
   */
  private static <T> T withOwnClassLoader(java.util.function.Supplier<T> action) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(Browser.class.getClassLoader());
    try {
      return action.get();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  /** Waits for a visible element. */
  WebElement visible(By by) {
    return waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * A wait whose condition, asked while the page navigates (a submitted form, a redirect), answers
   * "not yet": chromedriver aborts a command that a navigation interrupts ("aborted by
   * navigation"), and the next poll asks the new page.
   */
  WebDriverWait waitFor(Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(100)) {
      @Override
      public <V> V until(Function<? super WebDriver, ? extends V> condition) {
        return super.until(
            page -> {
              try {
                return condition.apply(page);
              } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("aborted by navigation")) {
                  return null;
                }
                throw e;
              }
            });
      }
    };
  }

  /** Saves a PNG of the page as {@code target/ui-screenshots/NAME.png}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A full-page screenshot: the window grows to the page's height first. */
  Path fullPageScreenshot(String name) {
    var size = driver.manage().window().getSize();
    Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
    driver
        .manage()
        .window()
        .setSize(new org.openqa.selenium.Dimension(size.width, height.intValue() + 40));
    try {
      return screenshot(name);
    } finally {
      driver.manage().window().setSize(size);
    }
  }

  /** The browser console (errors of scripts, refused policies) beside the screenshot. */
  private void saveConsole(String name) {
    try {
      List<String> lines =
          driver.manage().logs().get(LogType.BROWSER).getAll().stream()
              .map(entry -> entry.getLevel() + " " + entry.getMessage())
              .toList();
      Files.write(SCREENSHOTS.resolve(name + ".console.txt"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      String name = "FAILED-" + context.getRequiredTestMethod().getName();
      fullPageScreenshot(name);
      saveConsole(name);
    }
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
