package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.RequestValidator;
import java.util.List;
import java.util.Map;

/**
 * What an OpenAPI 3 document tells API Gateway.
 *
 * @param title {@code info.title}
 * @param description {@code info.description}
 * @param version {@code info.version}
 * @param binaryMediaTypes {@code x-amazon-apigateway-binary-media-types}
 * @param paths methods by HTTP method, by path, in document order
 * @param models {@code components.schemas} as JSON text, by name
 * @param warnings what the import dropped, in AWS's words (answered as {@code warnings})
 * @param requestValidators {@code x-amazon-apigateway-request-validators}, by name
 */
record OpenApiDocument(
    String title,
    String description,
    String version,
    List<String> binaryMediaTypes,
    Map<String, Map<String, Method>> paths,
    Map<String, String> models,
    List<String> warnings,
    Map<String, RequestValidator> requestValidators) {}
