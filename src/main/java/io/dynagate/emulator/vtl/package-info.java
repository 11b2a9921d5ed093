/**
 * Mapping templates run the way API Gateway runs them, for the emulator's data plane and for tests.
 *
 * <pre>{@code
 * VtlEngine engine = new VtlEngine();                       // one configured Velocity runtime
 * CompiledTemplate template = engine.compile(vtl);          // parse once per deployment
 * Rendered out = template.render(
 *     new VtlInput(body, pathParams, queryParams, headers),  // $input
 *     new RequestContext(requestId, accountId, ...));        // $context
 * out.body(); out.statusOverride(); out.headers();          // $context.responseOverride
 * }</pre>
 *
 * <p>For a response template, pass the integration's answer as the body and the method request's
 * parameters, which API Gateway keeps visible ({@link io.dynagate.emulator.vtl.VtlInput#withBody}).
 * A template that does not parse or fails while rendering throws {@link
 * io.dynagate.emulator.vtl.VtlException}; API Gateway answers 500 then. This package knows nothing
 * of the renderer: it judges templates whoever wrote them.
 */
package io.dynagate.emulator.vtl;
