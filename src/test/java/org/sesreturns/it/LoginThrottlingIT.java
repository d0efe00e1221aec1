package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Wrong passwords are counted per account and address: a stranger guessing from one address is
 * slowed (after three failures here, five by default, a wait of 1 s doubling to 2 s here, 2 s to
 * 5 min by default) while the owner logs in at once from another, on every way in. Each test
 * guesses from an address of its own (127.0.0.2 and up; the owner is at 127.0.0.1), as the counts
 * are kept for the application's life.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ses.security.login-throttle.free-failures=3",
    "ses.security.login-throttle.first-delay=1s",
    "ses.security.login-throttle.max-delay=2s"})
class LoginThrottlingIT {

  private static final String OWNER = "ses.coordinator";
  private static final String OWN_RECORD = "/engine-rest/user?maxResults=1&id=" + OWNER;
  private static final String DEADLINES = "/api/deadlines?period=2024-25%20Q1";
  private static final String WRONG = "Guess-2024!";

  @LocalServerPort
  int port;

  /** One way to log in: the attempt, and what a logged-in owner sees (their data) or null. */
  private record Route(String name, Function<FromAddress, FromAddress.Response> guess,
      Function<FromAddress, FromAddress.Response> ownerLogin, Predicate<FromAddress.Response> ownersData) {}

  private final List<Route> routes = List.of(
      new Route("engine REST, HTTP Basic",
          from -> from.get(OWNER, WRONG, OWN_RECORD),
          from -> from.get(OWNER, Rest.PASSWORD, OWN_RECORD),
          r -> r.json().path(0).path("id").asText().equals(OWNER)),
      new Route("application API, HTTP Basic",
          from -> from.get(OWNER, WRONG, DEADLINES),
          from -> from.get(OWNER, Rest.PASSWORD, DEADLINES),
          r -> r.json().path("returnsDue").asText().equals("2024-07-19")),
      new Route("webapps' login form",
          from -> from.webappLogin(OWNER, WRONG, "tasklist"),
          from -> from.webappLogin(OWNER, Rest.PASSWORD, "tasklist"),
          r -> r.json().path("userId").asText().equals(OWNER)));

  @Test
  void aStrangersGuessesNeverKeepTheOwnerOut() {
    FromAddress stranger = new FromAddress("127.0.0.2", port);
    FromAddress owner = new FromAddress("127.0.0.1", port);
    for (Route route : routes) {
      List<Integer> guesses = new ArrayList<>();
      Instant until = Instant.now().plusSeconds(4);
      while (Instant.now().isBefore(until)) {
        guesses.add(route.guess.apply(stranger).status());
        FromAddress.Response login = route.ownerLogin.apply(owner);
        assertThat(login.status()).as(route.name + ": the owner's login, after " + guesses.size() + " guesses")
            .isEqualTo(200);
        FromAddress.Response seen = route.name.startsWith("webapps") ? owner.inSession("/camunda/api/admin/auth/user/default")
            : login;
        assertThat(seen.status()).isEqualTo(200);
        assertThat(route.ownersData.test(seen)).as(route.name + ": the owner's data in " + seen.body()).isTrue();
      }
      // the stranger was refused every time, and slowed: most guesses were not even checked
      assertThat(guesses).as(route.name).allMatch(status -> status == 401 || status == 429).contains(429);
      assertThat(guesses.stream().filter(s -> s == 401).count()).as(route.name + ": guesses checked, of " + guesses.size())
          .isLessThanOrEqualTo(route == routes.get(0) ? 3 + 3 : 3);
    }
  }

  @Test
  void guessesFromOneAddressWaitAndTheRightPasswordWaitsWithThem() {
    FromAddress from = new FromAddress("127.0.0.3", port);
    String path = OWN_RECORD;
    for (int i = 0; i < 3; i++) {
      assertThat(from.get(OWNER, WRONG, path).status()).isEqualTo(401);
    }
    FromAddress.Response slowed = from.get(OWNER, WRONG, path);
    assertThat(slowed.status()).isEqualTo(429);
    assertThat(slowed.headers()).containsEntry("retry-after", "1");
    assertThat(slowed.json().path("message").asText()).contains("Too many failed logins").contains("1 second");

    // during the wait the right password is not checked either; after it, it works
    Instant slowedAt = Instant.now();
    assertThat(from.get(OWNER, Rest.PASSWORD, path).status()).isEqualTo(429);
    FromAddress.Response in = Rest.waitFor(() -> {
      FromAddress.Response r = from.get(OWNER, Rest.PASSWORD, path);
      return r.status() == 429 ? null : r;
    }, "the wait to end");
    assertThat(in.status()).isEqualTo(200);
    assertThat(in.json().path(0).path("id").asText()).isEqualTo(OWNER);
    assertThat(Duration.between(slowedAt, Instant.now())).isLessThan(Duration.ofSeconds(3));

    // the success started the pair afresh: three free failures again, then 1 s, 2 s, and no more than 2 s
    for (int i = 0; i < 3; i++) {
      assertThat(from.get(OWNER, WRONG, path).status()).isEqualTo(401);
    }
    assertThat(from.get(OWNER, WRONG, path).headers()).containsEntry("retry-after", "1");
    Rest.waitFor(() -> from.get(OWNER, WRONG, path).status() == 401 ? true : null, "the next guess to be checked");
    assertThat(from.get(OWNER, WRONG, path).headers()).containsEntry("retry-after", "2");
    Rest.waitFor(() -> from.get(OWNER, WRONG, path).status() == 401 ? true : null, "the next guess to be checked");
    assertThat(from.get(OWNER, WRONG, path).headers()).containsEntry("retry-after", "2");
  }

  @Test
  void aForwardedForFromAnUntrustedCallerChangesNothing() {
    // each guess claims another client behind a proxy; no proxy is trusted, so all count as 127.0.0.4
    FromAddress from = new FromAddress("127.0.0.4", port);
    String path = OWN_RECORD;
    for (int i = 0; i < 3; i++) {
      assertThat(from.get(OWNER, WRONG, path, "X-Forwarded-For", "203.0.113." + i).status()).isEqualTo(401);
    }
    assertThat(from.get(OWNER, WRONG, path, "X-Forwarded-For", "203.0.113.9").status()).isEqualTo(429);
    // nor can the owner's address be blamed by naming it: the owner still logs in from 127.0.0.1
    FromAddress owner = new FromAddress("127.0.0.1", port);
    for (int i = 0; i < 5; i++) {
      assertThat(from.get(OWNER, WRONG, path, "X-Forwarded-For", "127.0.0.1").status()).isEqualTo(429);
    }
    FromAddress.Response in = owner.get(OWNER, Rest.PASSWORD, path, "X-Forwarded-For", "127.0.0.4");
    assertThat(in.status()).isEqualTo(200);
    assertThat(in.json().path(0).path("id").asText()).isEqualTo(OWNER);
  }

  @Test
  void passwordsTriedThroughVerifyOrAPasswordChangeAreCountedToo() {
    // identity/verify, as an administrator's tool would call it, tries someone's password
    FromAddress from = new FromAddress("127.0.0.5", port);
    String verify = "{\"username\": \"" + OWNER + "\", \"password\": \"" + WRONG + "\"}";
    for (int i = 0; i < 3; i++) {
      FromAddress.Response checked = from.post("admin", Rest.PASSWORD, "/engine-rest/identity/verify", verify);
      assertThat(checked.status()).isEqualTo(200);
      assertThat(checked.json().path("authenticated").asBoolean()).isFalse();
    }
    FromAddress.Response slowed = from.post("admin", Rest.PASSWORD, "/engine-rest/identity/verify", verify);
    assertThat(slowed.status()).isEqualTo(429);
    assertThat(slowed.headers()).containsKey("retry-after");
    // the same count as every other way in from there; the owner, elsewhere, is not affected
    assertThat(from.get(OWNER, Rest.PASSWORD, DEADLINES).status()).isEqualTo(429);
    assertThat(new FromAddress("127.0.0.1", port).get(OWNER, Rest.PASSWORD, DEADLINES).status()).isEqualTo(200);

    // someone at a logged-in user's desk tries passwords through the webapps' password change
    FromAddress desk = new FromAddress("127.0.0.6", port);
    assertThat(desk.webappLogin("lee.payne", Rest.PASSWORD, "tasklist").status()).isEqualTo(200);
    assertThat(desk.inSession("/camunda/api/admin/auth/user/default").status()).isEqualTo(200);
    String change = "{\"password\": \"Another-Pass-2031!\", \"authenticatedUserPassword\": \"" + WRONG + "\"}";
    for (int i = 0; i < 4; i++) {
      FromAddress.Response refused = desk.putInSession("/camunda/api/engine/engine/default/user/lee.payne/credentials", change);
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    }
    FromAddress.Response waited = desk.get("lee.payne", Rest.PASSWORD, "/engine-rest/user?maxResults=1&id=lee.payne");
    assertThat(waited.status()).isEqualTo(429);
    assertThat(waited.headers()).containsKey("retry-after");
    // and the password was not changed
    assertThat(new FromAddress("127.0.0.1", port).get("lee.payne", Rest.PASSWORD, "/engine-rest/user?maxResults=1&id=lee.payne")
        .status()).isEqualTo(200);
  }
}
