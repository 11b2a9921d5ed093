package io.dynagate.emulator.sts;

import io.dynagate.emulator.core.AwsError;
import io.dynagate.emulator.core.ControlPlane;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.core.EmulatorSettings;
import io.dynagate.emulator.core.QueryProtocol;
import io.dynagate.emulator.core.ServiceCall;
import io.dynagate.emulator.core.Xml;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** STS, Query protocol: {@code GetCallerIdentity}, answering as the account's root user. */
@ApplicationScoped
public class StsControlPlane implements ControlPlane {

  static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

  private final String accountId;

  public StsControlPlane(EmulatorSettings settings) {
    this.accountId = settings.accountId();
  }

  @Override
  public String service() {
    return "sts";
  }

  @Override
  public ServiceCall resolve(EmulatorRequest request) {
    Map<String, String> parameters = QueryProtocol.parameters(request);
    String action = parameters.get("Action");
    if (!"GetCallerIdentity".equals(action)) {
      throw new AwsError(400, "InvalidAction", "Could not find operation " + action);
    }
    return new ServiceCall(action, parameters, request);
  }

  @Override
  public EmulatorResponse execute(ServiceCall call) {
    String result =
        new Xml()
            .text("Arn", "arn:aws:iam::" + accountId + ":root")
            .text("UserId", accountId)
            .text("Account", accountId)
            .toString();
    return QueryProtocol.answer(call.operation(), NAMESPACE, result);
  }

  @Override
  public EmulatorResponse error(AwsError error) {
    return QueryProtocol.error(error, NAMESPACE);
  }
}
