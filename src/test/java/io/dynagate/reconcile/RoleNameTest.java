package io.dynagate.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoleNameTest {

  @Test
  void shortNamesAreKeptAsTheyAre() {
    assertEquals("dynagate-shop", DesiredStates.roleName("dynagate", "shop"));
  }

  @Test
  void longNamesStayWithinIamsSixtyFourCharactersAndApart() {
    String a = DesiredStates.roleName("dynagate", "a".repeat(63) + "x");
    String b = DesiredStates.roleName("dynagate", "a".repeat(63) + "y");
    assertTrue(a.length() <= 64 && b.length() <= 64, a);
    assertNotEquals(a, b);
    assertTrue(a.matches("[\\w+=,.@-]+"), "IAM's role name characters: " + a);
  }
}
