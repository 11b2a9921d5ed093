package io.dynagate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Every {@code dynagate.*} configuration key. */
@ConfigMapping(prefix = "dynagate")
public interface DynagateConfig {

  /** {@code embedded} (dynalite and the local AWS emulator, no account) or {@code aws}. */
  @WithDefault("embedded")
  Mode mode();

  /** Where dynalite's files, the emulator's state and the generated admin token live. */
  @WithDefault("./data")
  Path dataDir();

  Aws aws();

  Dynalite dynalite();

  Emulator emulator();

  Registry registry();

  Reconcile reconcile();

  Auth auth();

  Policy policy();

  Preflight preflight();

  /** Operator rules every declaration is held to. */
  interface Policy {
    /**
     * {@code allow} (default) or {@code deny} routes open to anyone: with {@code deny}, an API
     * whose routes would have authorization {@code NONE} and no resource policy is refused.
     */
    @WithDefault("allow")
    PublicRoutes publicRoutes();

    enum PublicRoutes {
      ALLOW,
      DENY
    }
  }

  enum Mode {
    EMBEDDED,
    AWS
  }

  interface Aws {
    /** Region of every client; the SDK's default chain when absent. */
    Optional<String> region();

    /** One endpoint for every service (e.g. an AWS-compatible test endpoint). */
    Optional<URI> endpoint();

    /**
     * Per-service endpoints, keyed {@code dynamodb}, {@code apigateway}, {@code iam}, {@code sts}.
     */
    Map<String, URI> endpoints();

    /** ARN of a permissions boundary attached to every generated role. */
    Optional<String> permissionsBoundary();
  }

  interface Dynalite {
    /** Port of the embedded dynalite; 0 picks a free one. */
    @WithDefault("0")
    int port();

    /** Folder holding node_modules/dynalite and launch.js; found next to the build when absent. */
    Optional<Path> home();

    /** How long to wait for dynalite to answer at start. */
    @WithDefault("20s")
    Duration startTimeout();
  }

  interface Emulator {
    /** Port of the local AWS emulator in embedded mode; 0 picks a free one (tests). */
    @WithDefault("4566")
    int port();

    /**
     * Address the local AWS emulator listens on. The emulator has no authentication (its DynamoDB
     * endpoint reaches every table), so it is local by default; another address is logged as a
     * warning. Dynagate itself calls it at {@code localhost}, so an address other than a loopback
     * one must be a wildcard ({@code 0.0.0.0}).
     */
    @WithDefault("127.0.0.1")
    String host();

    /** Account id in the emulator's ARNs and STS answers. */
    @WithDefault("000000000000")
    String accountId();

    /** Region in the emulator's ARNs. */
    @WithDefault("us-east-1")
    String region();

    Quotas quotas();

    Faults faults();

    interface Quotas {
      /** {@code off}, or {@code aws} to enforce AWS's control-plane quotas. */
      @WithParentName
      @WithDefault("off")
      String mode();

      /** Multiplies every quota interval: 0.05 turns 5 s into 250 ms. */
      @WithDefault("1.0")
      double timeScale();
    }

    interface Faults {
      /** Share of control-plane calls answered 500/503, from 0 to 1. */
      @WithDefault("0")
      double errorRate();

      /** Added to every control-plane call. */
      @WithDefault("0s")
      Duration latency();
    }
  }

  interface Reconcile {
    /** Period of the drift pass over every API; {@code off} disables it. */
    @WithDefault("60s")
    String interval();

    /**
     * Whether a declaration change starts a pass at once (else: the periodic pass or a reconcile
     * call).
     */
    @WithDefault("true")
    boolean onChange();

    /**
     * How long the pass a change to an API (or its routes) starts waits for more changes to the
     * same API: each further change restarts the wait, so that a burst of changes costs one pass.
     */
    @WithDefault("200ms")
    Duration debounce();

    /**
     * The longest a change waits for its pass while changes keep coming (see {@link #debounce}).
     */
    @WithDefault("2s")
    Duration debounceMax();

    /** How long {@code reconcile?wait=true} waits for convergence before answering 202. */
    @WithDefault("60s")
    Duration waitBound();

    /**
     * How long a reconciler's lease on one API lasts unless released (a crashed holder's expires).
     */
    @WithDefault("120s")
    Duration leaseDuration();

    /** APIs reconciled at once. */
    @WithDefault("4")
    int threads();

    /** Name of the API Gateway role policy and the prefix of role names. */
    @WithDefault("dynagate")
    String resourcePrefix();

    Pacing pacing();

    interface Pacing {
      /**
       * {@code auto} (AWS's quotas in aws mode; in embedded mode the emulator's quota setting),
       * {@code aws} or {@code off}.
       */
      @WithParentName
      @WithDefault("auto")
      String mode();

      /** Multiplies every quota interval, as the emulator's time-scale does. */
      @WithDefault("1.0")
      double timeScale();
    }
  }

  interface Registry {
    /** DynamoDB table holding declarations, status, leases and audit events. */
    @WithDefault("dynagate-registry")
    String table();

    /**
     * Secret (at least 32 characters) whose digest seals list cursors; set the same on every
     * instance sharing the registry. When absent: generated into {@code DATA_DIR/cursor-key} (mode
     * 0600) in embedded mode, derived from the admin token in aws mode.
     */
    Optional<String> cursorKey();

    /**
     * How long a management read may serve a declaration from this instance's memory. This
     * instance's own writes replace the entry at once; another instance's write sharing the
     * registry is seen after at most this long. {@code 0s} reads the registry every time.
     */
    @WithDefault("1s")
    Duration readCacheTtl();

    /** How many declarations the read cache holds at most. */
    @WithDefault("10000")
    long readCacheSize();
  }

  Tables tables();

  /** Rules on the DynamoDB tables teams may declare. */
  interface Tables {
    /**
     * Names team tables must match, e.g. {@code {team}-*}: {@code {team}} stands for the declaring
     * team's name, {@code *} for any run of characters, everything else for itself. Unset: any
     * name. Admins are exempt: they declare and adopt tables on behalf of teams.
     */
    Optional<String> namePattern();
  }

  interface Auth {
    /**
     * The admin token ({@code DYNAGATE_ADMIN_TOKEN}); at least 20 characters. When absent in
     * embedded mode, one is generated at first start into {@code DATA_DIR/admin-token} (mode 0600)
     * and reused later; in aws mode it is required.
     */
    Optional<String> adminToken();

    /**
     * May a team read the declarations of other teams? {@code true} (default): read-only; {@code
     * false}: they answer 404 exactly as if they did not exist.
     */
    @WithDefault("true")
    boolean readOtherTeams();

    RateLimit rateLimit();

    /**
     * Live tokens a team may hold at once; issuing one more answers 409 until one is revoked.
     * Bounds what a leaked team token can mint.
     */
    @WithDefault("20")
    int maxTokensPerTeam();

    /**
     * Mutating calls (POST, PUT, PATCH, DELETE, and "try it" calls) per team, whichever of its
     * tokens sends them, and for the admin apart: a token bucket per instance.
     */
    interface RateLimit {
      /** Calls a team regains per second. */
      @WithDefault("10")
      double perSecond();

      /** Calls a team may make at once after being idle. */
      @WithDefault("50")
      int burst();
    }
  }

  interface Preflight {
    /**
     * Whether every pass that would change a definition proves it first on a local shadow (its own
     * dynalite and emulator; needs Node.js in aws mode too). Off: definitions go out unproved.
     */
    @WithDefault("true")
    boolean enabled();
  }
}
