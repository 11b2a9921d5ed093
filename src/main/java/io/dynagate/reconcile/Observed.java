package io.dynagate.reconcile;

import io.dynagate.reconcile.RestApiPort.LiveRestApi;
import io.dynagate.reconcile.RestApiPort.LiveStage;
import io.dynagate.reconcile.RolePort.LiveRole;
import io.dynagate.reconcile.TablePort.LiveTable;
import java.util.Map;
import java.util.Optional;

/** What one API's resources look like on AWS now. */
public record Observed(
    Map<String, Optional<LiveTable>> tables,
    Optional<LiveRole> role,
    Optional<String> policy,
    Optional<LiveRestApi> restApi,
    ApiShape shape,
    Optional<LiveStage> stage) {}
