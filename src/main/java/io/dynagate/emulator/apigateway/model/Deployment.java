package io.dynagate.emulator.apigateway.model;

import java.time.Instant;

/**
 * A deployment: a frozen copy of the API's definition at {@code CreateDeployment}, so that later
 * edits to the draft are not live until deployed again.
 *
 * @param id 10 lower-case alphanumerics
 * @param description optional
 * @param createdDate when it was made
 * @param snapshot the definition as it was then
 */
public record Deployment(
    String id, String description, Instant createdDate, ApiDefinition snapshot) {}
