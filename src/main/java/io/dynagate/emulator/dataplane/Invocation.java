package io.dynagate.emulator.dataplane;

import io.dynagate.emulator.vtl.RequestContext;
import io.dynagate.emulator.vtl.VtlInput;

/**
 * One method request, resolved: the compiled definition it runs against, the resource and method it
 * landed on, what templates see as {@code $input} and {@code $context}, and the client's {@code
 * Content-Type} and {@code Accept}.
 */
record Invocation(
    CompiledApi api,
    RouteTree.Match match,
    VtlInput input,
    RequestContext context,
    String contentType,
    String accept,
    Trace trace) {}
