package io.dynagate.emulator.core;

import java.util.Map;

/**
 * A request once its control plane has read it.
 *
 * @param operation the operation as the SDKs name it, e.g. {@code PutRestApi}
 * @param parameters what the request names: path parameters (REST) or form parameters (Query)
 * @param request the request as received
 */
public record ServiceCall(
    String operation, Map<String, String> parameters, EmulatorRequest request) {}
