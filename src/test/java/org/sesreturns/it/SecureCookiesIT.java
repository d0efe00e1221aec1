package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Behind HTTPS (SES_HTTPS=true) the session and CSRF cookies are sent over HTTPS only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "SES_HTTPS=true")
class SecureCookiesIT {

  @LocalServerPort
  int port;

  @Test
  void sessionAndCsrfCookiesAreSecure() {
    var session = WebappSession.login(port, "ses.coordinator", Rest.PASSWORD, "tasklist");
    var response = session.raw("/camunda/app/tasklist/default/");
    List<String> cookies = new java.util.ArrayList<>(response.headers().allValues("Set-Cookie"));
    cookies.addAll(session.loginCookies);
    assertThat(cookies).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
    assertThat(cookies).anyMatch(c -> c.startsWith("JSESSIONID="));
    assertThat(cookies).allSatisfy(c -> assertThat(c).matches("(?i).*;\\s*Secure\\s*(;.*)?"));
  }
}
