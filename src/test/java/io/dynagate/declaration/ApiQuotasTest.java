package io.dynagate.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiQuotasTest {

  @Test
  void resourcesAreTheRootAndEveryDistinctPrefix() {
    assertEquals(1, ApiQuotas.resources(List.of("/")));
    assertEquals(
        5,
        ApiQuotas.resources(
            List.of("/users/{userId}", "/users/{userId}/orders", "/users", "/things")));
  }

  @Test
  void theDefinitionQuotaIsSixMegabytesInclusive() {
    assertTrue(ApiQuotas.checkDefinition(6L * 1024 * 1024).isEmpty());
    assertTrue(
        ApiQuotas.checkDefinition(6L * 1024 * 1024 + 1).orElseThrow().message().contains("6 MB"));
  }
}
