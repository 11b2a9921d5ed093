package io.dynagate.emulator.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Replays AWS's recorded API Gateway answers ({@code src/test/resources/conformance}) against the
 * emulator and fails when fewer cases pass than the committed count in {@code baseline.json}. The
 * report of every case, passing or not, is written to {@code target/conformance-report.md}.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class ConformanceTest {

  @Inject ApiGatewayClient apiGateway;
  @Inject IamClient iam;
  @Inject EmbeddedEngine engine;

  @Test
  void recordedAnswersPassAtLeastTheCommittedCount() throws IOException, URISyntaxException {
    Path dir = Paths.get(getClass().getResource("/conformance").toURI());
    JsonNode baseline = Replay.mapper().readTree(dir.resolve("baseline.json").toFile());
    Replay replay = new Replay(Map.of("apigateway", apiGateway, "iam", iam));
    Scenario scenario = new Scenario(replay, engine.emulatorEndpoint());
    Map<String, int[]> byArea = new TreeMap<>();
    List<String> report = new ArrayList<>();
    int passing = 0;
    int total = 0;
    for (Path file : dataFiles(dir)) {
      JsonNode data = Replay.mapper().readTree(file.toFile());
      String area = data.path("area").asText();
      for (JsonNode test : data.path("tests")) {
        List<Scenario.Outcome> outcomes = scenario.run(test);
        int[] counts = byArea.computeIfAbsent(area, a -> new int[2]);
        for (Scenario.Outcome outcome : outcomes) {
          counts[0]++;
          total++;
          if (outcome.passed()) {
            counts[1]++;
            passing++;
          }
          report.add(outcome.line(test.path("id").asText()));
        }
      }
    }
    writeReport(byArea, report, passing, total);
    int committed = baseline.path("passing").asInt();
    assertTrue(
        passing >= committed,
        "conformance fell to "
            + passing
            + " of "
            + total
            + " recorded cases, committed count is "
            + committed
            + "; see target/conformance-report.md");
  }

  private static List<Path> dataFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("baseline.json"))
          .sorted()
          .toList();
    }
  }

  private static void writeReport(
      Map<String, int[]> byArea, List<String> lines, int passing, int total) throws IOException {
    StringBuilder out = new StringBuilder("# Conformance with AWS's recorded answers\n\n");
    out.append("| Area | Cases | Passing |\n|---|---|---|\n");
    byArea.forEach(
        (area, c) ->
            out.append("| ")
                .append(area)
                .append(" | ")
                .append(c[0])
                .append(" | ")
                .append(c[1])
                .append(" |\n"));
    out.append("| **Total** | ").append(total).append(" | ").append(passing).append(" |\n\n");
    lines.forEach(line -> out.append(line).append('\n'));
    Path target = Paths.get("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("conformance-report.md"), out);
  }
}
