package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Anyone may try a user's password, but no anonymous caller can lock a user out for good: wrong
 * passwords delay the next login (at most 2 seconds here, 60 by default) and the user logs in once
 * the delay has passed. The engine's default locks the user permanently after ten.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginThrottlingIT {

  private static final String USER = "lee.payne";

  @LocalServerPort
  int port;

  @Test
  void tenWrongPasswordsOnlyDelayTheRightOne() {
    Rest rest = new Rest(port);
    assertThat(rest.getWithPassword(USER, Rest.PASSWORD, "/engine-rest/task?maxResults=10")).isEqualTo(200);

    // ten wrong passwords that each count: an attempt while the delay runs is refused uncounted,
    // so the attacker waits the delay out each time (the delay is what is under test here)
    for (int i = 0; i < 10; i++) {
      assertThat(rest.getWithPassword(USER, "guess-" + i, "/engine-rest/task?maxResults=10")).isEqualTo(401);
      pause(Duration.ofMillis(2_300));
    }
    assertThat(rest.getWithPassword(USER, "guess-10", "/engine-rest/task?maxResults=10")).isEqualTo(401);
    // while the delay runs even the right password waits
    assertThat(rest.getWithPassword(USER, Rest.PASSWORD, "/engine-rest/task?maxResults=10")).isEqualTo(401);

    Instant wrongUntil = Instant.now();
    Rest.waitFor(() -> rest.getWithPassword(USER, Rest.PASSWORD, "/engine-rest/task?maxResults=10") == 200 ? true : null,
        "the user to log in again");
    assertThat(Duration.between(wrongUntil, Instant.now())).isLessThan(Duration.ofSeconds(10));
    // and the webapps let them in too
    assertThat(WebappSession.login(port, USER, Rest.PASSWORD, "tasklist").loginStatus).isEqualTo(200);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
