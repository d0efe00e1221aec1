package org.sesreturns.pack;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.identity.Caller;
import org.sesreturns.identity.CurrentUser;
import org.sesreturns.identity.Groups;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Board packs page ({@code /packs/}): the board's way in. It is a static page that reads
 * {@code /api/packs} with the login session of the Camunda webapps; this says who is logged in,
 * without asking a browser for a password, and where a board member lands after logging in.
 */
@RestController
class BoardPacksPage {

  private final CurrentUser currentUser;
  private final Catalogue catalogue;

  BoardPacksPage(CurrentUser currentUser, Catalogue catalogue) {
    this.currentUser = currentUser;
    this.catalogue = catalogue;
  }

  /**
   * @param readsPacks whether the user may read packs (coordinators, SES leads, the board)
   * @param landing where the user is sent after logging in: the Board packs page for a board
   *     member who has no tasks to do, otherwise nowhere (the welcome page)
   */
  /**
   * Who is logged in, for the pages' scripts: {@code runsCycles} for coordinators and administrators;
   * {@code xsrfToken} the webapps' token of this session, which their log-out asks for. The webapps
   * keep it in a cookie of their own path ({@code /camunda}), which this page's script cannot read;
   * a page of another site cannot read this answer either.
   */
  record Me(boolean authenticated, String name, boolean readsPacks, String landing, String strategy, boolean runsCycles,
      String xsrfToken) {}

  @GetMapping("/packs/me")
  Me me(HttpServletRequest request) {
    Optional<Caller> caller = currentUser.get(request);
    String strategy = catalogue.strategy().title();
    if (caller.isEmpty()) {
      return new Me(false, null, false, null, strategy, false, null);
    }
    Caller c = caller.get();
    boolean reads = c.inAnyOf(Set.of(Groups.COORDINATORS, Groups.SES_LEADS, Groups.BOARD));
    boolean boardOnly = c.groupIds().contains(Groups.BOARD)
        && !c.inAnyOf(Set.of(Groups.COORDINATORS, Groups.SES_LEADS, Groups.PROJECT_LEADS, Groups.ADMINS));
    String name = catalogue.nameOf(c.userId());
    return new Me(true, name, reads, boardOnly ? "/packs/" : null, strategy,
        c.inAnyOf(Set.of(Groups.COORDINATORS, Groups.ADMINS)), currentUser.webappsToken(request).orElse(null));
  }

  /** {@code /packs} and {@code /packs/} show the page. */
  @Configuration(proxyBeanMethods = false)
  static class Paths implements WebMvcConfigurer {
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
      registry.addRedirectViewController("/packs", "/packs/");
      registry.addViewController("/packs/").setViewName("forward:/packs/index.html");
    }
  }
}
