package io.dynagate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.config.DynagateConfig;
import io.dynagate.declaration.TableSpec;
import io.dynagate.store.Kind;
import io.dynagate.store.Page;
import io.dynagate.store.Stored;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may read which declaration, and which tables a team's routes may use. Changing is decided by
 * {@link Caller#mayChange}; reading other teams' declarations follows {@code
 * dynagate.auth.read-other-teams}, and a declaration a caller may not read answers exactly as a
 * missing one.
 */
@ApplicationScoped
public class Access {

  private final boolean readOtherTeams;
  private final ObjectMapper json;

  public Access(DynagateConfig config, ObjectMapper json) {
    this.readOtherTeams = config.auth().readOtherTeams();
    this.json = json;
  }

  public boolean mayRead(Caller caller, Stored stored) {
    return readOtherTeams
        || caller.mayChange(stored.owner())
        || (stored.ref().kind() == Kind.TABLE && table(stored).isSharedWith(caller.team()));
  }

  /** The page without what the caller may not read; it may hold fewer items than asked for. */
  public Page<Stored> visible(Caller caller, Page<Stored> page) {
    if (readOtherTeams || caller.admin()) {
      return page;
    }
    return new Page<>(
        page.items().stream().filter(s -> mayRead(caller, s)).toList(), page.nextCursor());
  }

  /**
   * May the routes of an API owned by {@code apiOwner} read this table? Its owner's APIs may, and
   * those of the teams it is shared with; APIs an admin owns may use any table.
   */
  public boolean mayUse(String apiOwner, Stored table, TableSpec spec) {
    return apiOwner.equals(table.owner())
        || apiOwner.equals(Caller.ADMIN_OWNER)
        || spec.isSharedWith(apiOwner);
  }

  private TableSpec table(Stored stored) {
    try {
      return json.readValue(stored.spec(), TableSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable spec of " + stored.ref(), e);
    }
  }
}
