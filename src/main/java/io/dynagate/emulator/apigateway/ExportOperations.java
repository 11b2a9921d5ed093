package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dynagate.emulator.apigateway.model.DeployedStage;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.core.EmulatorSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/**
 * GetExport of a stage's deployment as {@code oas30} or {@code swagger} ({@link SwaggerExport});
 * {@code extensions=integrations} (or {@code apigateway}) adds {@code
 * x-amazon-apigateway-integration}. JSON, or YAML for {@code Accept: application/yaml}.
 */
@ApplicationScoped
class ExportOperations implements ApiGatewayOperations {

  private static final YAMLMapper YAML = new YAMLMapper();

  private final ApiGatewayStore store;
  private final String region;

  ExportOperations(ApiGatewayStore store, EmulatorSettings settings) {
    this.store = store;
    this.region = settings.region();
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    handlers.put("GetExport", this::export);
  }

  private EmulatorResponse export(ApiGatewayCall call) {
    String type = call.parameter("export_type");
    if (!type.equals("oas30") && !type.equals("swagger")) {
      throw ApiGatewayErrors.badRequest("The emulator exports oas30 and swagger only, not " + type);
    }
    String stageName = call.parameter("stage_name");
    store.require(call.restApiId());
    DeployedStage deployed =
        store.deployedStage(call.restApiId(), stageName).orElseThrow(ApiGatewayErrors::noSuchStage);
    String extensions = call.query("extensions");
    boolean integrations =
        extensions != null
            && (extensions.contains("integrations") || extensions.contains("apigateway"));
    ObjectNode document =
        OpenApiWriter.write(deployed.api(), deployed.definition(), stageName, region, integrations);
    if (type.equals("swagger")) {
      document = SwaggerExport.from(document);
    }
    boolean yaml = String.valueOf(call.request().header("Accept")).contains("yaml");
    String file = type + "_" + LocalDate.now() + (yaml ? ".yaml" : ".json");
    return EmulatorResponse.of(
            200, yaml ? "application/yaml" : "application/json", render(document, yaml))
        .withHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
  }

  private static String render(ObjectNode document, boolean yaml) {
    try {
      return yaml
          ? YAML.writeValueAsString(document)
          : ApiGatewayJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
