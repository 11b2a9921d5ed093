package io.dynagate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamTokenTest {

  @Test
  void aGeneratedTokenParsesBackToItsIdAndSecret() {
    TeamToken token = TeamToken.generate();
    assertEquals(Optional.of(token), TeamToken.parse(token.value()));
    assertEquals(16, token.id().length());
    assertNotEquals(token.secret(), TeamToken.generate().secret());
  }

  @Test
  void valuesOfAnotherShapeAreNotTokens() {
    assertTrue(TeamToken.parse("abc").isEmpty());
    assertTrue(TeamToken.parse("dg_").isEmpty());
    assertTrue(TeamToken.parse("dg__secret").isEmpty());
    assertTrue(TeamToken.parse("dg_id_").isEmpty());
  }

  @Test
  void itsTextNamesTheIdOnly() {
    TeamToken token = TeamToken.generate();
    assertFalse(token.toString().contains(token.secret()));
  }

  @Test
  void theHmacDependsOnTheSalt() {
    byte[] one = Secrets.hmac(Secrets.salt(), "secret");
    byte[] two = Secrets.hmac(Secrets.salt(), "secret");
    assertFalse(Secrets.sameDigest(one, two));
  }
}
