package io.dynagate.reconcile;

import jakarta.inject.Singleton;

/** The dependents of an API, each reconciling one kind of AWS resource. */
@Singleton
public class Dependents {

  private final TableDependent tables;
  private final RoleDependent roles;
  private final RolePolicyDependent policies;
  private final DefinitionDependent definitions;
  private final EndpointDependent endpoints;
  private final DeploymentDependent deployments;
  private final StageSettingsDependent stageSettings;

  public Dependents(
      TableDependent tables,
      RoleDependent roles,
      RolePolicyDependent policies,
      DefinitionDependent definitions,
      EndpointDependent endpoints,
      DeploymentDependent deployments,
      StageSettingsDependent stageSettings) {
    this.tables = tables;
    this.roles = roles;
    this.policies = policies;
    this.definitions = definitions;
    this.endpoints = endpoints;
    this.deployments = deployments;
    this.stageSettings = stageSettings;
  }

  public TableDependent tables() {
    return tables;
  }

  public RoleDependent roles() {
    return roles;
  }

  public RolePolicyDependent policies() {
    return policies;
  }

  public DefinitionDependent definitions() {
    return definitions;
  }

  public EndpointDependent endpoints() {
    return endpoints;
  }

  public DeploymentDependent deployments() {
    return deployments;
  }

  public StageSettingsDependent stageSettings() {
    return stageSettings;
  }
}
