package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.apigateway.model.ApiDefinition;
import io.dynagate.emulator.apigateway.model.RequestValidator;
import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.core.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** REST APIs: create, import, put (overwrite or merge), get, list, update, delete. */
@ApplicationScoped
class RestApiOperations implements ApiGatewayOperations {

  private final ApiGatewayStore store;

  RestApiOperations(ApiGatewayStore store) {
    this.store = store;
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    handlers.put("CreateRestApi", this::create);
    handlers.put("ImportRestApi", this::importApi);
    handlers.put("PutRestApi", this::put);
    handlers.put(
        "GetRestApi",
        call ->
            ApiGatewayJson.answer(
                200, ApiGatewayJson.restApi(store.require(call.restApiId()), true)));
    handlers.put("GetRestApis", this::list);
    handlers.put("UpdateRestApi", this::update);
    handlers.put("DeleteRestApi", this::delete);
  }

  private EmulatorResponse create(ApiGatewayCall call) {
    ObjectNode body = call.body();
    String name = ApiGatewayJson.text(body, "name");
    if (name == null || name.isBlank()) {
      throw ApiGatewayErrors.badRequest(
          "Invalid REST API name specified: the name must not be empty");
    }
    RestApiSettings settings = RestApiSettings.ofCreate(body);
    RestApi api =
        new RestApi(
            Ids.apiGateway(),
            name,
            ApiGatewayJson.text(body, "description"),
            Instant.now(),
            ApiGatewayJson.text(body, "version"),
            ApiGatewayJson.stringList(body, "binaryMediaTypes"),
            body.path("apiKeySource").asText("HEADER"),
            settings.types(),
            body.path("disableExecuteApiEndpoint").asBoolean(false),
            ApiGatewayJson.text(body, "policy"),
            ApiGatewayJson.stringMap(body, "tags"),
            Map.of(),
            ApiDefinition.empty(Ids.apiGateway()),
            Map.of(),
            Map.of(),
            settings.ipAddressType(),
            settings.minimumCompressionSize(),
            Map.of(),
            ApiGatewayJson.stringList(body.path("endpointConfiguration"), "vpcEndpointIds"));
    store.put(api);
    return answer(201, api);
  }

  private EmulatorResponse importApi(ApiGatewayCall call) {
    DefinitionLimits.checkDefinition(call.request().body());
    OpenApiDocument document = OpenApiReader.read(call.request().body(), call.query("basepath"));
    failOnWarnings(call, document);
    if (document.title() == null || document.title().isBlank()) {
      throw ApiGatewayErrors.badRequest(
          "Invalid OpenAPI input: info.title is required to name the API");
    }
    String endpointType =
        call.query("endpointConfigurationTypes") != null
            ? call.query("endpointConfigurationTypes")
            : call.query("parameters.endpointConfigurationTypes");
    ApiDefinition root = ApiDefinition.empty(Ids.apiGateway());
    RestApi api =
        new RestApi(
            Ids.apiGateway(),
            document.title(),
            document.description(),
            Instant.now(),
            document.version(),
            document.binaryMediaTypes(),
            "HEADER",
            List.of(endpointType == null ? "EDGE" : endpointType),
            false,
            OpenApiAccess.policy(OpenApiReader.parse(call.request().body())),
            Map.of(),
            document.models(),
            OpenApiImport.apply(root, document, false),
            Map.of(),
            Map.of(),
            null,
            null,
            document.requestValidators(),
            List.of());
    store.put(api);
    return ApiGatewayJson.answer(201, warned(ApiGatewayJson.restApi(api), document));
  }

  /** PutRestApi: {@code mode=merge} (the default, as on AWS) or {@code overwrite}. */
  private EmulatorResponse put(ApiGatewayCall call) {
    String mode = call.query("mode") == null ? "merge" : call.query("mode");
    if (!mode.equals("merge") && !mode.equals("overwrite")) {
      throw ApiGatewayErrors.badRequest(
          "Invalid mode specified: " + mode + ". Valid values are merge and overwrite");
    }
    boolean merge = mode.equals("merge");
    DefinitionLimits.checkDefinition(call.request().body());
    OpenApiDocument document = OpenApiReader.read(call.request().body(), call.query("basepath"));
    failOnWarnings(call, document);
    RestApi updated =
        store.update(
            call.restApiId(),
            api -> {
              Map<String, String> models = new LinkedHashMap<>(merge ? api.models() : Map.of());
              models.putAll(document.models());
              Map<String, RequestValidator> validators =
                  new LinkedHashMap<>(merge ? api.requestValidators() : Map.of());
              validators.putAll(document.requestValidators());
              // merge adds the document's media types to the API's; both take its title
              Set<String> media = new LinkedHashSet<>(api.binaryMediaTypes());
              media.addAll(document.binaryMediaTypes());
              RestApi next =
                  merge
                      ? api.withHeader(
                          document.title() != null ? document.title() : api.name(),
                          document.description() != null
                              ? document.description()
                              : api.description(),
                          document.version() != null ? document.version() : api.version(),
                          List.copyOf(media),
                          models)
                      : api.withHeader(
                          document.title() != null ? document.title() : api.name(),
                          document.description(),
                          document.version(),
                          document.binaryMediaTypes(),
                          models);
              String policy = OpenApiAccess.policy(OpenApiReader.parse(call.request().body()));
              return next.withDraft(OpenApiImport.apply(api.draft(), document, merge))
                  .withPolicy(policy == null && merge ? api.policy() : policy)
                  .withRequestValidators(validators);
            });
    return ApiGatewayJson.answer(200, warned(ApiGatewayJson.restApi(updated, true), document));
  }

  private EmulatorResponse list(ApiGatewayCall call) {
    return ApiGatewayJson.answer(
        200,
        ApiGatewayJson.page(
            store.restApis(),
            RestApi::id,
            ApiGatewayJson::restApi,
            call.query("position"),
            call.query("limit")));
  }

  /** UpdateRestApi: the patch operations {@link RestApiPatch} knows, all or none applied. */
  private EmulatorResponse update(ApiGatewayCall call) {
    JsonNode operations = call.body().path("patchOperations");
    RestApiPatch.checkOperations(operations);
    RestApi updated =
        store.update(
            call.restApiId(),
            api -> {
              RestApi next = api;
              for (JsonNode operation : operations) {
                next = RestApiPatch.apply(next, operation);
              }
              return next;
            });
    return ApiGatewayJson.answer(200, ApiGatewayJson.restApi(updated, true));
  }

  private EmulatorResponse delete(ApiGatewayCall call) {
    store.delete(call.restApiId());
    return EmulatorResponse.empty(202);
  }

  /** With {@code failOnWarnings=true} AWS refuses an import that would drop anything. */
  private static void failOnWarnings(ApiGatewayCall call, OpenApiDocument document) {
    if ("true".equals(call.query("failonwarnings"))
        || "true".equals(call.query("failOnWarnings"))) {
      if (!document.warnings().isEmpty()) {
        throw ApiGatewayErrors.badRequest(
            "Warnings found during import:\n\t" + String.join("\n\t", document.warnings()));
      }
    }
  }

  private static ObjectNode warned(ObjectNode api, OpenApiDocument document) {
    if (!document.warnings().isEmpty()) {
      document.warnings().forEach(api.putArray("warnings")::add);
    }
    return api;
  }

  private static EmulatorResponse answer(int status, RestApi api) {
    return ApiGatewayJson.answer(status, ApiGatewayJson.restApi(api));
  }
}
