package io.dynagate.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The admin UI's pages. They are shells: the token lives in the browser's sessionStorage, so the
 * server cannot read declarations on a page load; each page's script reads and writes them through
 * the management API with the caller's token.
 */
@PermitAll
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class UiPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance overview();

    static native TemplateInstance signin();

    static native TemplateInstance tableForm(String table);

    static native TemplateInstance tablePage(String table);

    static native TemplateInstance apiForm(String api);

    static native TemplateInstance apiPage(String api);

    static native TemplateInstance routeForm(String api, String route);
  }

  @GET
  public String overview() {
    return Templates.overview().render();
  }

  @GET
  @Path("signin")
  public String signin() {
    return Templates.signin().render();
  }

  @GET
  @Path("tables/new")
  public String newTable() {
    return Templates.tableForm(null).render();
  }

  @GET
  @Path("tables/{table}")
  public String table(@PathParam("table") String table) {
    return Templates.tablePage(table).render();
  }

  @GET
  @Path("tables/{table}/edit")
  public String editTable(@PathParam("table") String table) {
    return Templates.tableForm(table).render();
  }

  @GET
  @Path("apis/new")
  public String newApi() {
    return Templates.apiForm(null).render();
  }

  @GET
  @Path("apis/{api}/edit")
  public String editApi(@PathParam("api") String api) {
    return Templates.apiForm(api).render();
  }

  @GET
  @Path("apis/{api}")
  public String api(@PathParam("api") String api) {
    return Templates.apiPage(api).render();
  }

  @GET
  @Path("apis/{api}/routes/new")
  public String newRoute(@PathParam("api") String api) {
    return Templates.routeForm(api, null).render();
  }

  @GET
  @Path("apis/{api}/routes/{route}/edit")
  public String editRoute(@PathParam("api") String api, @PathParam("route") String route) {
    return Templates.routeForm(api, route).render();
  }
}
