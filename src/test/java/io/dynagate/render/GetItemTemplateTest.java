package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynagate.emulator.vtl.Rendered;
import io.dynagate.emulator.vtl.VtlInput;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GetItemTemplateTest {

  private final Templates users =
      Templates.of(Fixtures.getItem("/users/{userId}", "users", Map.of()));

  @Test
  void requestCarriesTheKeyFromThePath() {
    Rendered out = Run.request(users.request(), Map.of("userId", "u'1\"\\"), Map.of(), Map.of());
    assertEquals(
        Run.json(
            """
            {"TableName":"users","Key":{"userId":{"S":"u'1\\"\\\\"}}}"""),
        Run.json(out.body()));
  }

  @Test
  void itemIsPlainJson() {
    String dynamo =
        """
        {"Item":{"userId":{"S":"u1"},"age":{"N":"42"},"tags":{"SS":["a","b"]},
         "active":{"BOOL":true},"gone":{"NULL":true},"scores":{"NS":["1","2.5"]},
         "avatar":{"B":"AAE="},
         "history":{"L":[{"M":{"at":{"N":"1"},"what":{"S":"x"}}}]},
         "profile":{"M":{"name":{"S":"Ann"},"langs":{"L":[{"S":"fr"}]},"nick":{"S":"a"}}},
         "extra":{"M":{"deep":{"L":[{"N":"3"},{"BOOL":false}]}}},
         "other":{"S":"o"}}}""";
    Rendered out = Run.render(users.success(), VtlInput.body(dynamo));
    assertEquals(
        Run.json(
            """
            {"userId":"u1","age":42,"tags":["a","b"],"active":true,"gone":null,"scores":[1,2.5],
             "avatar":"AAE=","history":[{"at":1,"what":"x"}],
             "profile":{"name":"Ann","langs":["fr"],"nick":"a"},
             "extra":{"deep":[3,false]},"other":"o"}"""),
        Run.json(out.body()));
    assertEquals(Optional.empty(), out.statusOverride());
  }

  @Test
  void missingItemIs404WithJson() {
    Rendered out = Run.render(users.success(), VtlInput.body("{}"));
    assertEquals(Optional.of(404), out.statusOverride());
    assertEquals(
        Run.json("{\"message\":\"Not found\",\"requestId\":\"req-42\"}"), Run.json(out.body()));
  }

  @Test
  void undeclaredNestingDeeperThanTheBoundIsNull() {
    String four = "{\"L\":[{\"L\":[{\"L\":[{\"L\":[{\"S\":\"deep\"}]}]}]}]}";
    String five = "{\"L\":[{\"L\":[{\"L\":[{\"L\":[{\"L\":[{\"S\":\"deeper\"}]}]}]}]}]}";
    String dynamo = "{\"Item\":{\"four\":" + four + ",\"five\":" + five + "}}";
    Rendered out = Run.render(users.success(), VtlInput.body(dynamo));
    assertEquals(
        Run.json("{\"four\":[[[[\"deep\"]]]],\"five\":[[[[null]]]]}"), Run.json(out.body()));
  }

  @Test
  void declaredTypeMismatchIsNullAndNonJsonNumbersAreStrings() {
    String dynamo = "{\"Item\":{\"age\":{\"S\":\"old\"},\"other\":{\"N\":\".5\"}}}";
    Rendered out = Run.render(users.success(), VtlInput.body(dynamo));
    assertEquals(Run.json("{\"age\":null,\"other\":\".5\"}"), Run.json(out.body()));
  }

  @Test
  void anItemLongerThanTheWalkStaysJsonAndAnswers502() {
    String template =
        ItemVtl.PRELUDE
            + "#set($item = $input.path('$.Item'))"
            + ItemVtl.object("$item", Map.of(), 2);
    String dynamo = "{\"Item\":{\"a\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"}]},\"b\":{\"S\":\"x\"}}}";
    Rendered out = Run.render(template, VtlInput.body(dynamo));
    // two loops of two steps: "a", [, 1, 2; then the open list and the item are closed
    assertEquals(Run.json("{\"a\":[1,2]}"), Run.json(out.body()));
    assertEquals(Optional.of(502), out.statusOverride());
    Rendered whole =
        Run.render(
            ItemVtl.PRELUDE
                + "#set($item = $input.path('$.Item'))"
                + ItemVtl.object("$item", Map.of(), 3),
            VtlInput.body(dynamo));
    assertEquals(Run.json("{\"a\":[1,2],\"b\":\"x\"}"), Run.json(whole.body()));
    assertEquals(Optional.empty(), whole.statusOverride());
  }
}
