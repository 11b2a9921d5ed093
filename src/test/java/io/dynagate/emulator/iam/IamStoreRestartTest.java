package io.dynagate.emulator.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.emulator.core.StateFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles and their inline policies survive a restart. */
class IamStoreRestartTest {

  @TempDir Path dir;

  @Test
  void rolesAndPoliciesSurviveARestart() {
    IamStore first = new IamStore(new StateFiles<>(dir, Role.class));
    Role role =
        new Role(
            "api-role",
            "AROAEXAMPLE0000000001",
            "/",
            "arn:aws:iam::000000000000:role/api-role",
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            "{\"Statement\":[]}",
            null,
            3600,
            null,
            Map.of("owner", "t"),
            new TreeMap<>());
    assertTrue(first.create(role));
    first.update(
        "api-role", r -> r.withInlinePolicies(new TreeMap<>(Map.of("p", "{\"Statement\":[]}"))));

    IamStore second = new IamStore(new StateFiles<>(dir, Role.class));
    Role reloaded = second.roleByArn("arn:aws:iam::000000000000:role/api-role").orElseThrow();
    assertEquals(Map.of("p", "{\"Statement\":[]}"), reloaded.inlinePolicies());
    assertEquals(role.createDate(), reloaded.createDate());
    assertEquals(Map.of("owner", "t"), reloaded.tags());

    second.delete("api-role");
    assertTrue(new IamStore(new StateFiles<>(dir, Role.class)).roles().isEmpty());
  }
}
