package io.dynagate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.api.CurrentCaller;
import io.dynagate.api.DeclarationService;
import io.dynagate.api.Envelopes;
import io.dynagate.store.Ref;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads declarations for the UI in-process, as the caller the request authenticated: the same
 * service and the same visibility rules as the management API's reads, so the "try it" proxy sees
 * exactly what the caller may see. A declaration the caller may not read answers as the API does
 * (an {@code ApiException}, mapped to the same problem+json).
 */
@ApplicationScoped
class ManagementReads {

  private final DeclarationService declarations;
  private final Envelopes envelopes;
  private final CurrentCaller caller;
  private final ObjectMapper json;

  ManagementReads(
      DeclarationService declarations,
      Envelopes envelopes,
      CurrentCaller caller,
      ObjectMapper json) {
    this.declarations = declarations;
    this.envelopes = envelopes;
    this.caller = caller;
    this.json = json;
  }

  /** The envelope of {@code GET /api/v1/apis/{api}}. */
  JsonNode api(String api) {
    return envelope(Ref.api(api));
  }

  /** The envelope of {@code GET /api/v1/apis/{api}/routes/{route}}. */
  JsonNode route(String api, String route) {
    return envelope(Ref.route(api, route));
  }

  private JsonNode envelope(Ref ref) {
    return json.valueToTree(envelopes.of(declarations.read(caller.get(), ref)));
  }
}
