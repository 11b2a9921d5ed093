package io.dynagate.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesAndPathsTest {

  @Test
  void theRegistryAndNamesUnderItAreReservedWhateverTheCase() {
    assertTrue(Names.isReservedTable("dynagate-registry", "dynagate-registry"));
    assertTrue(Names.isReservedTable("DYNAGATE-REGISTRY", "dynagate-registry"));
    assertTrue(Names.isReservedTable("dynagate-registry-backup", "dynagate-registry"));
    assertFalse(Names.isReservedTable("dynagate-registryx", "dynagate-registry"));
    assertFalse(Names.isReservedTable("users", "dynagate-registry"));
  }

  @Test
  void aNamePatternStandsForTheTeamAndAnyRunOfCharacters() {
    assertTrue(Names.matchesPattern("shop-users", "{team}-*", "shop"));
    assertFalse(Names.matchesPattern("shop-users", "{team}-*", "sho"));
    assertFalse(Names.matchesPattern("shopx-users", "{team}-*", "shop"));
    assertTrue(Names.matchesPattern("prod.shop.users", "prod.{team}.*", "shop"));
    // Characters of regular expressions are themselves: '.' is not "any character".
    assertFalse(Names.matchesPattern("prodxshopxusers", "prod.{team}.*", "shop"));
    assertTrue(Names.matchesPattern("a-shop-b", "*-{team}-*", "shop"));
  }

  @Test
  void pathsHaveAShapeAndOneNamePerVariableLevel() {
    PathTemplate path = PathTemplate.parse("/users/{userId}/orders/{orderId}").template().get();
    assertEquals("/users/{}/orders/{}", path.shape());
    assertEquals(
        Map.of("/users/{}", "userId", "/users/{}/orders/{}", "orderId"), path.variableParts());
    assertEquals("/", PathTemplate.parse("/").template().get().shape());
  }

  @Test
  void dotSegmentsEmptySegmentsAndChildrenOfGreedyPartsAreRefused() {
    assertEquals("must not have '.' or '..' segments", PathTemplate.parse("/a/./b").error());
    assertEquals("must not have '.' or '..' segments", PathTemplate.parse("/a/..").error());
    assertTrue(PathTemplate.parse("/a//b").error().contains("empty"));
    assertTrue(PathTemplate.parse("/a/{proxy+}/b").error().contains("nothing may follow"));
    assertTrue(PathTemplate.parse("/a/{proxy+}").error().contains("not supported"));
    assertTrue(PathTemplate.parse("/a/.well-known").template().isPresent());
  }
}
