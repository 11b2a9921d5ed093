package io.dynagate.declaration;

import java.util.ArrayList;
import java.util.List;

/** What makes an API declaration valid. */
public final class ApiRules {

  private ApiRules() {}

  public static List<Violation> validate(String name, ApiSpec spec) {
    return validate(name, spec, AccessRules.PublicRoutes.ALLOW);
  }

  /** The API's violations under the operator's rule on routes open to anyone. */
  public static List<Violation> validate(
      String name, ApiSpec spec, AccessRules.PublicRoutes publicRoutes) {
    List<Violation> out = new ArrayList<>();
    out.addAll(AccessRules.validate(spec, publicRoutes));
    if (!Names.isSlug(name)) {
      out.add(Violation.of("name", "must be 1 to 64 of a-z, 0-9 and '-'"));
    }
    if (spec.stage() != null && !Names.STAGE.matcher(spec.stage()).matches()) {
      out.add(Violation.of("stage", "must be 1 to 128 of A-Z, a-z, 0-9, '_' and '-'"));
    }
    if (spec.description() != null && spec.description().length() > 1024) {
      out.add(Violation.of("description", "must be at most 1,024 characters"));
    }
    if (spec.cors() != null) {
      List<String> origins = spec.cors().allowOrigins();
      if (origins == null || origins.isEmpty()) {
        out.add(
            Violation.of(
                "cors.allowOrigins",
                "is required: the origins allowed, e.g. [\"https://app.example.com\"]"));
      } else {
        for (int i = 0; i < origins.size(); i++) {
          String origin = origins.get(i);
          if (origin == null
              || !(origin.equals("*") || origin.matches("https?://[A-Za-z0-9.:-]+"))) {
            out.add(
                Violation.of(
                    "cors.allowOrigins[" + i + "]",
                    "must be * or an origin such as https://app.example.com"));
          }
        }
      }
      List<String> headers = spec.cors().allowHeaders();
      if (headers != null) {
        for (int i = 0; i < headers.size(); i++) {
          if (headers.get(i) == null || !headers.get(i).matches("[A-Za-z0-9-]{1,128}")) {
            out.add(Violation.of("cors.allowHeaders[" + i + "]", "must be a header name"));
          }
        }
      }
      Integer maxAge = spec.cors().maxAgeSeconds();
      if (maxAge != null && (maxAge < 0 || maxAge > 86400)) {
        out.add(Violation.of("cors.maxAgeSeconds", "must be between 0 and 86400"));
      }
    }
    if (spec.throttling() != null) {
      Double rate = spec.throttling().rateLimit();
      Integer burst = spec.throttling().burstLimit();
      if (rate != null && (rate <= 0 || rate > 10000)) {
        out.add(Violation.of("throttling.rateLimit", "must be above 0 and at most 10000"));
      }
      if (burst != null && (burst < 0 || burst > 5000)) {
        out.add(Violation.of("throttling.burstLimit", "must be between 0 and 5000"));
      }
    }
    return out;
  }
}
