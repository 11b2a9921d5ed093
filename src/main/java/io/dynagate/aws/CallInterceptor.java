package io.dynagate.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Sees every HTTP attempt of a client's calls: each attempt is paced (a retry spends quota as the
 * first try does).
 */
final class CallInterceptor implements ExecutionInterceptor {

  private final Pacer pacer;

  CallInterceptor(Pacer pacer) {
    this.pacer = pacer;
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    pacer.acquire(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }
}
