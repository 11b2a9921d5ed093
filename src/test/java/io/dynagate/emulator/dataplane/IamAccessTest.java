package io.dynagate.emulator.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * {@code AWS_IAM} methods and resource policies as callers meet them: users, access keys and
 * identity policies made through the AWS SDK, requests signed by the SDK's own SigV4 signer and
 * sent over plain HTTP, and AWS's answers for an unsigned, badly signed, unknown, unauthorized or
 * explicitly denied caller.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class IamAccessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MISSING = "{\"message\":\"Missing Authentication Token\"}";

  @Inject ApiGatewayClient apiGateway;
  @Inject IamClient iam;
  @Inject EmbeddedEngine engine;

  private static Deployer deployer;
  private static String signedApi;
  private static String fencedApi;
  private static String accountApi;

  @BeforeEach
  void setUp() {
    if (signedApi != null) {
      return;
    }
    deployer = new Deployer(apiGateway, iam, engine.emulatorEndpoint());
    signedApi =
        deployer.create(
            "signed",
            AccessApis.document("signed", Map.of("/signed/{id}", "sigv4", "/open", "none"), null),
            "dev");
    Map<String, Object> fence =
        Map.of(
            "Version",
            "2012-10-17",
            "Statement",
            List.of(
                Map.of(
                    "Effect",
                    "Allow",
                    "Principal",
                    "*",
                    "Action",
                    "execute-api:Invoke",
                    "Resource",
                    "execute-api:/dev/GET/*"),
                Map.of(
                    "Effect",
                    "Deny",
                    "Principal",
                    "*",
                    "Action",
                    "execute-api:Invoke",
                    "Resource",
                    "execute-api:/*",
                    "Condition",
                    Map.of("NotIpAddress", Map.of("aws:SourceIp", List.of("10.1.0.0/16"))))));
    fencedApi =
        deployer.create(
            "fenced", AccessApis.document("fenced", Map.of("/open", "none"), fence), "dev");
    Map<String, Object> accountOnly =
        Map.of(
            "Version",
            "2012-10-17",
            "Statement",
            List.of(
                Map.of(
                    "Effect",
                    "Allow",
                    "Principal",
                    Map.of("AWS", "000000000000"),
                    "Action",
                    "execute-api:Invoke",
                    "Resource",
                    "execute-api:/dev/GET/*")));
    accountApi =
        deployer.create(
            "account",
            AccessApis.document(
                "account", Map.of("/open", "none", "/signed/{id}", "sigv4"), accountOnly),
            "dev");
  }

  @Test
  void anUnsignedCallToAnIamMethodIsMissingAToken() {
    HttpResponse<String> answer = deployer.get(signedApi, "dev", "/signed/a");
    assertEquals(403, answer.statusCode());
    assertEquals(MISSING, answer.body());
    assertEquals(200, deployer.get(signedApi, "dev", "/open").statusCode());
  }

  @Test
  void aCallerAllowedByItsPolicyIsServedAndOthersAreRefusedByName() throws Exception {
    AccessKey allowed =
        user(
            "reader",
            invoke(
                "arn:aws:execute-api:us-east-1:000000000000:" + signedApi + "/dev/GET/signed/*"));
    AccessKey stranger = user("stranger", null);
    HttpResponse<String> ok = signed(signedApi, "/signed/a", allowed);
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals("{\"ok\":\"/signed/{id}\"}", ok.body());

    HttpResponse<String> refused = signed(signedApi, "/signed/a", stranger);
    assertEquals(403, refused.statusCode());
    assertEquals(
        "User: arn:aws:iam::000000000000:user/stranger is not authorized to perform:"
            + " execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:000000000000:"
            + signedApi
            + "/dev/GET/signed/a",
        JSON.readTree(refused.body()).path("Message").asText());
    assertEquals("AccessDeniedException", refused.headers().firstValue("x-amzn-ErrorType").get());
  }

  @Test
  void anExplicitDenyInTheIdentityPolicyWins() throws Exception {
    String arn = "arn:aws:execute-api:us-east-1:000000000000:" + signedApi + "/dev/GET/signed/";
    String policy =
        JSON.writeValueAsString(
            Map.of(
                "Version",
                "2012-10-17",
                "Statement",
                List.of(
                    Map.of(
                        "Effect", "Allow", "Action", "execute-api:Invoke", "Resource", arn + "*"),
                    Map.of(
                        "Effect",
                        "Deny",
                        "Action",
                        "execute-api:Invoke",
                        "Resource",
                        arn + "secret"))));
    AccessKey key = user("partial", policy);
    assertEquals(200, signed(signedApi, "/signed/public", key).statusCode());
    HttpResponse<String> denied = signed(signedApi, "/signed/secret", key);
    assertEquals(403, denied.statusCode());
    assertEquals(
        "User: arn:aws:iam::000000000000:user/partial is not authorized to perform:"
            + " execute-api:Invoke on resource: "
            + arn
            + "secret with an explicit deny",
        JSON.readTree(denied.body()).path("Message").asText());
  }

  @Test
  void aSignatureThatIsNotTheSecretsIsRefused() throws Exception {
    AccessKey key = user("tamper", invoke("*"));
    URI path = uri(signedApi, "/signed/a");
    // Signed for one path, sent to another: the signature no longer matches.
    HttpResponse<String> moved =
        SignedCalls.get(
            path,
            uri(signedApi, "/signed/b"),
            key.accessKeyId(),
            key.secretAccessKey(),
            "execute-api");
    assertEquals(403, moved.statusCode());
    assertEquals("InvalidSignatureException", moved.headers().firstValue("x-amzn-ErrorType").get());
    assertEquals(
        "The request signature we calculated does not match the signature you provided. Check your"
            + " AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.",
        JSON.readTree(moved.body()).path("message").asText());
    HttpResponse<String> wrongSecret =
        SignedCalls.get(path, key.accessKeyId(), "x" + key.secretAccessKey().substring(1));
    assertEquals(403, wrongSecret.statusCode());
    assertEquals(
        "InvalidSignatureException", wrongSecret.headers().firstValue("x-amzn-ErrorType").get());
    HttpResponse<String> unknown =
        SignedCalls.get(path, "AKIANOSUCHKEY0000000", key.secretAccessKey());
    assertEquals(403, unknown.statusCode());
    assertEquals(
        "{\"message\":\"The security token included in the request is invalid.\"}", unknown.body());
    HttpResponse<String> otherService =
        SignedCalls.get(path, path, key.accessKeyId(), key.secretAccessKey(), "apigateway");
    assertEquals(403, otherService.statusCode());
    HttpResponse<String> forged =
        SignedCalls.send(
            HttpRequest.newBuilder(path)
                .header(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential="
                        + key.accessKeyId()
                        + "/20260101/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                        + "0".repeat(64))
                .header("X-Amz-Date", "20260101T000000Z"));
    assertEquals(403, forged.statusCode());
    assertEquals(
        "InvalidSignatureException", forged.headers().firstValue("x-amzn-ErrorType").get());
    assertEquals(200, SignedCalls.get(path, key.accessKeyId(), key.secretAccessKey()).statusCode());
  }

  @Test
  void anInactiveOrDeletedKeyNoLongerSigns() {
    AccessKey key = user("rotating", invoke("*"));
    URI path = uri(signedApi, "/signed/a");
    assertEquals(200, SignedCalls.get(path, key.accessKeyId(), key.secretAccessKey()).statusCode());
    iam.updateAccessKey(
        b -> b.userName("rotating").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
    assertEquals(403, SignedCalls.get(path, key.accessKeyId(), key.secretAccessKey()).statusCode());
    iam.deleteAccessKey(b -> b.userName("rotating").accessKeyId(key.accessKeyId()));
    assertEquals(403, SignedCalls.get(path, key.accessKeyId(), key.secretAccessKey()).statusCode());
  }

  @Test
  void aResourcePolicyDeniesASourceOutsideItsRange() throws Exception {
    HttpResponse<String> inside =
        deployer.send(fencedApi, "dev", "GET", "/open", Map.of("X-Forwarded-For", "10.1.2.3"));
    assertEquals(200, inside.statusCode(), inside.body());
    HttpResponse<String> outside =
        deployer.send(fencedApi, "dev", "GET", "/open", Map.of("X-Forwarded-For", "192.0.2.7"));
    assertEquals(403, outside.statusCode());
    assertEquals(
        "User: anonymous is not authorized to perform: execute-api:Invoke on resource:"
            + " arn:aws:execute-api:us-east-1:000000000000:"
            + fencedApi
            + "/dev/GET/open with an explicit deny",
        JSON.readTree(outside.body()).path("Message").asText());
    // A host name where an address belongs is no address: denied, never looked up.
    assertEquals(
        403,
        deployer
            .send(fencedApi, "dev", "GET", "/open", Map.of("X-Forwarded-For", "example.com"))
            .statusCode());
  }

  @Test
  void aPolicyNamingAnAccountRefusesAnonymousAndServesItsSigners() {
    HttpResponse<String> anonymous = deployer.get(accountApi, "dev", "/open");
    assertEquals(403, anonymous.statusCode());
    AccessKey key = user("member", null);
    HttpResponse<String> member = signed(accountApi, "/signed/x", key);
    assertEquals(200, member.statusCode(), member.body());
  }

  @Test
  void usersAnswerAsIamDoes() {
    user("twice", null);
    assertThrows(
        EntityAlreadyExistsException.class, () -> iam.createUser(b -> b.userName("twice")));
    assertThrows(DeleteConflictException.class, () -> iam.deleteUser(b -> b.userName("twice")));
    assertThrows(NoSuchEntityException.class, () -> iam.getUser(b -> b.userName("nobody")));
    iam.putUserPolicy(b -> b.userName("twice").policyName("p").policyDocument(invoke("*")));
    assertEquals(
        invoke("*"),
        java.net.URLDecoder.decode(
            iam.getUserPolicy(b -> b.userName("twice").policyName("p")).policyDocument(),
            java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(1, iam.listAccessKeys(b -> b.userName("twice")).accessKeyMetadata().size());
  }

  private AccessKey user(String name, String policy) {
    iam.createUser(b -> b.userName(name));
    if (policy != null) {
      iam.putUserPolicy(b -> b.userName(name).policyName("invoke").policyDocument(policy));
    }
    return iam.createAccessKey(b -> b.userName(name)).accessKey();
  }

  private static String invoke(String resource) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"execute-api:Invoke\",\"Resource\":\""
        + resource
        + "\"}]}";
  }

  private HttpResponse<String> signed(String api, String path, AccessKey key) {
    return SignedCalls.get(uri(api, path), key.accessKeyId(), key.secretAccessKey());
  }

  private URI uri(String api, String path) {
    return engine.emulatorEndpoint().resolve("/restapis/" + api + "/dev/_user_request_" + path);
  }
}
