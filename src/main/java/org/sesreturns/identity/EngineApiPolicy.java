package org.sesreturns.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.admin.resource.AbstractAdminPluginResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthenticationResource;
import org.camunda.bpm.webapp.plugin.resource.AbstractAppPluginResource;
import org.camunda.bpm.webapp.plugin.resource.AbstractAppPluginRootResource;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The engine's REST API held to {@link EngineRoutes}, decided where JAX-RS has already dispatched
 * the request: on the resource templates it matched, so no spelling of a path (a trailing or
 * doubled slash, {@code ;} parameters, percent-encoding, the webapps' alias
 * {@code /camunda/api/engine}, an engine named or not) reaches a resource other than the one
 * decided on. It runs in every JAX-RS application of the server ({@link EngineApiPolicyFeature}):
 * the engine's REST API at {@code /engine-rest}, and the webapps' copy of it and their own APIs
 * under {@code /camunda/api}, where it also keeps Cockpit's API for those who may use Cockpit and
 * the Admin webapp's first-run setup closed to everyone (CVE-2026-77226: the administrator is
 * created at start-up).
 */
@Priority(Priorities.AUTHORIZATION)
class EngineApiPolicy implements ContainerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(EngineApiPolicy.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENGINE_REST = "org.camunda.bpm.engine.rest.";
  private static final String SETUP = "org.camunda.bpm.admin.impl.web.SetupResource";
  private static final List<String> COCKPIT_USERS = List.of(Groups.COORDINATORS, Groups.ADMINS);

  @Context
  private ResourceInfo resource;

  @Context
  private HttpServletRequest request;

  @Context
  private ServletContext servletContext;

  @Override
  public void filter(ContainerRequestContext context) throws IOException {
    Class<?> resourceClass = resource.getResourceClass();
    String type = resourceClass == null ? "" : resourceClass.getName();
    if (type.equals(SETUP)) {
      refuse(context, 403, "the first-run setup is closed: the administrator is created at start-up from SES_ADMIN_USER"
          + " and SES_ADMIN_PASSWORD");
      return;
    }
    Optional<Caller> caller = currentUser().get(request);
    if (!type.startsWith(ENGINE_REST)) {
      webapps(context, resourceClass, caller);
      return;
    }
    String route = route((ExtendedUriInfo) context.getUriInfo());
    if (caller.isEmpty()) {
      // the authentication in front of each API refuses anonymous calls; one that got past it
      // without a user is refused here too (the engine checks no authorization for nobody), but
      // the list of engines, which the webapps' login page reads
      if (!("GET".equals(context.getMethod()) && "/engine".equals(route))) {
        log.info("refused (401) {} {} as {}: nobody logged in", context.getMethod(), route,
            context.getUriInfo().getRequestUri().getRawPath());
        refuse(context, 401, "log in first");
      }
      return;
    }
    List<String> parameters = new ArrayList<>();
    context.getUriInfo().getQueryParameters(true).forEach((name, values) -> {
      parameters.add(name);
      parameters.addAll(values);
    });
    context.getUriInfo().getPathParameters(true).values().forEach(parameters::addAll);
    Optional<JsonNode> body = Optional.empty();
    if (context.hasEntity() && context.getMediaType() != null && context.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      byte[] bytes = context.getEntityStream().readAllBytes();
      context.setEntityStream(new ByteArrayInputStream(bytes));
      body = json(bytes);
    }
    var refusal = EngineRoutes.refusal(caller.get(), context.getMethod(), route, parameters, body);
    if (refusal.isPresent()) {
      log.info("refused ({}) {} {} as {} for {}: {}", refusal.get().status(), context.getMethod(), route,
          context.getUriInfo().getRequestUri().getRawPath(), caller.get().userId(), refusal.get().message());
      refuse(context, refusal.get().status(), refusal.get().message());
    }
  }

  /**
   * The webapps' own resources, by what they are: the plugins' scripts and styles, which the login
   * pages load, for everyone; a plugin's data for those who may use its webapp (Cockpit's for
   * coordinators and administrators, the Admin webapp's for administrators, any other's for
   * whoever has logged in); the login itself for everyone. Anything else is not served: a resource
   * a later version of the webapps adds is closed until it is named here.
   */
  private void webapps(ContainerRequestContext context, Class<?> type, Optional<Caller> caller) throws IOException {
    if (type == null) {
      refuse(context, 404, "no such resource");
    } else if (AbstractAppPluginRootResource.class.isAssignableFrom(type) && !hasSubResource(context)) {
      return; // a plugin's asset: public, as the webapps serve their other files
    } else if (UserAuthenticationResource.class.isAssignableFrom(type)) {
      return;
    } else if (caller.isEmpty()) {
      refuse(context, 401, "log in first");
    } else if (AbstractCockpitPluginResource.class.isAssignableFrom(type)) {
      if (!caller.get().inAnyOf(COCKPIT_USERS)) {
        refuse(context, 403, "Cockpit is for coordinators and administrators");
      }
    } else if (AbstractAdminPluginResource.class.isAssignableFrom(type)) {
      if (!caller.get().inAnyOf(List.of(Groups.ADMINS))) {
        refuse(context, 403, "the Admin webapp's data is for administrators");
      }
    } else if (!AbstractAppPluginResource.class.isAssignableFrom(type)) {
      log.info("refused (403) {} {}: {} is not one of the webapps' resources this application serves",
          context.getMethod(), context.getUriInfo().getRequestUri().getRawPath(), type.getName());
      refuse(context, 403, "not served");
    }
  }

  /** True when the request went through a plugin's sub-resource, not to an asset of the plugin root. */
  private static boolean hasSubResource(ContainerRequestContext context) {
    return ((ExtendedUriInfo) context.getUriInfo()).getMatchedResourceLocators().size() > 0;
  }

  /**
   * The route JAX-RS dispatched to, as its resource templates name it ({@code /task/{id}/complete}),
   * without the engine's name ({@code /engine/{name}}) when the path carried one.
   */
  static String route(ExtendedUriInfo uri) {
    List<UriTemplate> templates = uri.getMatchedTemplates();
    StringBuilder route = new StringBuilder();
    for (int i = templates.size() - 1; i >= 0; i--) {
      String template = templates.get(i).getTemplate();
      if (!template.isEmpty() && !template.equals("/")) {
        route.append(template.startsWith("/") ? "" : "/").append(template.endsWith("/")
            ? template.substring(0, template.length() - 1) : template);
      }
    }
    String dispatched = route.toString();
    return dispatched.startsWith("/engine/{name}") ? dispatched.substring("/engine/{name}".length()) : dispatched;
  }

  /** A JSON body as a tree; empty when it is not JSON, which the engine then answers with 400 itself. */
  private static Optional<JsonNode> json(byte[] body) {
    try {
      return Optional.ofNullable(JSON.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private CurrentUser currentUser() {
    return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(CurrentUser.class);
  }

  private static void refuse(ContainerRequestContext context, int status, String why) throws JsonProcessingException {
    String type = status == 400 ? "InvalidRequestException" : status == 401 ? "AuthenticationException" : "AuthorizationException";
    context.abortWith(Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(JSON.writeValueAsString(Map.of("type", type, "message", why)))
        .build());
  }
}
