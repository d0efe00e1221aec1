package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a proxy named in {@code SES_TRUSTED_PROXIES} (127.0.0.7 here), logins are counted by the
 * client's address the proxy forwards: one client's guesses do not slow another client behind the
 * same proxy. Anyone else's {@code X-Forwarded-For} is still not believed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "SES_TRUSTED_PROXIES=127\\\\.0\\\\.0\\\\.7",
    "ses.security.login-throttle.free-failures=3",
    "ses.security.login-throttle.first-delay=30s",
    "ses.security.login-throttle.max-delay=30s"})
class LoginThrottlingBehindAProxyIT {

  private static final String OWNER = "ses.coordinator";
  private static final String DEADLINES = "/api/deadlines?period=2024-25%20Q1";

  @LocalServerPort
  int port;

  @Test
  void theProxysClientsAreCountedEachByTheAddressItForwards() {
    FromAddress proxy = new FromAddress("127.0.0.7", port);
    for (int i = 0; i < 3; i++) {
      assertThat(proxy.get(OWNER, "Guess-2024!", DEADLINES, "X-Forwarded-For", "198.51.100.1").status()).isEqualTo(401);
    }
    assertThat(proxy.get(OWNER, "Guess-2024!", DEADLINES, "X-Forwarded-For", "198.51.100.1").status()).isEqualTo(429);
    assertThat(proxy.get(OWNER, Rest.PASSWORD, DEADLINES, "X-Forwarded-For", "198.51.100.1").status()).isEqualTo(429);

    // the owner, another client of the same proxy, logs in at once
    FromAddress.Response owner = proxy.get(OWNER, Rest.PASSWORD, DEADLINES, "X-Forwarded-For", "198.51.100.2");
    assertThat(owner.status()).isEqualTo(200);
    assertThat(owner.json().path("returnsDue").asText()).isEqualTo("2024-07-19");

    // a caller that is not the proxy, naming the waiting client, is counted as itself
    FromAddress elsewhere = new FromAddress("127.0.0.8", port);
    assertThat(elsewhere.get(OWNER, Rest.PASSWORD, DEADLINES, "X-Forwarded-For", "198.51.100.1").status()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      assertThat(elsewhere.get(OWNER, "Guess-2024!", DEADLINES, "X-Forwarded-For", "198.51.100.3").status()).isEqualTo(401);
    }
    assertThat(elsewhere.get(OWNER, Rest.PASSWORD, DEADLINES, "X-Forwarded-For", "198.51.100.4").status()).isEqualTo(429);
    // and its guesses slowed no client of the proxy
    assertThat(proxy.get(OWNER, Rest.PASSWORD, DEADLINES, "X-Forwarded-For", "198.51.100.3").status()).isEqualTo(200);
  }
}
