package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.declaration.ValueType;
import io.dynagate.emulator.vtl.CompiledTemplate;
import io.dynagate.emulator.vtl.RequestContext;
import io.dynagate.emulator.vtl.VtlEngine;
import io.dynagate.emulator.vtl.VtlInput;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hundreds of random items through the generated response templates, compared as JSON. */
class ResponsePropertyTest {

  private static final int ITEMS = 300;
  private static final VtlEngine ENGINE = new VtlEngine();

  @Test
  void undeclaredItemsComeOutAsTheirPlainView() throws Exception {
    CompiledTemplate template = ENGINE.compile(ResponseVtl.getItem(Map.of()));
    RandomItems random = new RandomItems(20261125L);
    for (int i = 0; i < ITEMS; i++) {
      RandomItems.Value item = random.item(1 + i % 6, ItemVtl.MAX_LEVEL - 1);
      assertRendersAs(template, item, "item " + i);
    }
  }

  @Test
  void declaredItemsComeOutAsTheirPlainView() throws Exception {
    Map<String, ValueType> schema = Fixtures.USER_SCHEMA;
    CompiledTemplate template = ENGINE.compile(ResponseVtl.getItem(schema));
    RandomItems random = new RandomItems(7L);
    for (int i = 0; i < ITEMS; i++) {
      RandomItems.Value extra = random.item(i % 3, 2);
      ObjectNode typed = (ObjectNode) extra.typed();
      ObjectNode plain = (ObjectNode) extra.plain();
      for (var field : schema.entrySet()) {
        if ((i + field.getKey().length()) % 4 != 0) {
          RandomItems.Value v = random.declared(field.getValue());
          typed.set(field.getKey(), v.typed());
          plain.set(field.getKey(), v.plain());
        }
      }
      assertRendersAs(template, new RandomItems.Value(typed, plain), "item " + i);
    }
  }

  @Test
  void queryPagesComeOutAsPlainItems() throws Exception {
    CompiledTemplate template = ENGINE.compile(ResponseVtl.query(Map.of()));
    RandomItems random = new RandomItems(99L);
    for (int page = 0; page < 30; page++) {
      StringBuilder typed = new StringBuilder("{\"Count\":5,\"Items\":[");
      StringBuilder plain = new StringBuilder("{\"nextCursor\":null,\"items\":[");
      for (int i = 0; i < page % 6; i++) {
        RandomItems.Value item = random.item(1 + i, 3);
        String sep = i > 0 ? "," : "";
        typed.append(sep).append(Run.JSON.writeValueAsString(item.typed()));
        plain.append(sep).append(Run.JSON.writeValueAsString(item.plain()));
      }
      String out = Run.render(template, VtlInput.body(typed + "]}"));
      assertEquals(Run.json(plain + "]}"), Run.json(out), "page " + page);
    }
  }

  private static void assertRendersAs(
      CompiledTemplate template, RandomItems.Value item, String what) throws Exception {
    String dynamo = "{\"Item\":" + Run.JSON.writeValueAsString(item.typed()) + "}";
    String out = template.render(VtlInput.body(dynamo), RequestContext.sample("r")).body();
    JsonNode expected = Run.json(Run.JSON.writeValueAsString(item.plain()));
    assertEquals(expected, Run.json(out), what + " from " + dynamo);
  }
}
