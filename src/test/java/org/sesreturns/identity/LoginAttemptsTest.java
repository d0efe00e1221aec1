package org.sesreturns.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The counting behind login throttling, on a clock the test moves. */
class LoginAttemptsTest {

  private final AtomicLong now = new AtomicLong();
  private final LoginAttempts attempts = new LoginAttempts(
      new LoginThrottleProperties(3, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(1), 100),
      now::get);

  @Test
  void failuresWaitTwiceAsLongEachTimeUpToTheMostAndASuccessForgetsThem() {
    attempts.servingFrom("192.0.2.1");
    for (int i = 0; i < 2; i++) {
      assertThat(attempts.admit("pat")).isTrue();
    }
    assertThat(attempts.waitLeft("pat", "192.0.2.1")).isEmpty();
    assertThat(attempts.admit("pat")).isTrue();
    assertThat(waitLeft("pat")).isEqualTo(Duration.ofSeconds(2));
    assertThat(attempts.admit("pat")).as("during the wait").isFalse();
    assertThat(waitLeft("pat")).as("an attempt refused does not count").isEqualTo(Duration.ofSeconds(2));
    for (long expected : new long[] {4, 8, 10, 10}) {
      pass(waitLeft("pat"));
      assertThat(attempts.admit("Pat")).as("the same account, whatever its case").isTrue();
      assertThat(waitLeft("pat")).isEqualTo(Duration.ofSeconds(expected));
    }
    assertThat(attempts.waitLeft("pat", "192.0.2.2")).as("from another address").isEmpty();

    pass(waitLeft("pat"));
    assertThat(attempts.admit("pat")).isTrue();
    attempts.succeeded("pat");
    assertThat(attempts.waitLeft("pat", "192.0.2.1")).isEmpty();
    assertThat(attempts.admit("pat")).isTrue();
    assertThat(attempts.admit("pat")).isTrue();
    assertThat(attempts.waitLeft("pat", "192.0.2.1")).as("free failures again").isEmpty();
  }

  @Test
  void aFloodOfMadeUpNamesKeepsNoMoreThanTheMostPairsAndOldPairsAreForgotten() {
    attempts.servingFrom("192.0.2.1");
    for (int i = 0; i < 3; i++) {
      attempts.admit("pat");
    }
    for (int i = 0; i < 10_000; i++) {
      attempts.admit("made-up-" + i + "x".repeat(1_000));
    }
    assertThat(attempts.size()).isEqualTo(100);
    // the pair tried longest ago went first: pat starts again
    assertThat(attempts.waitLeft("pat", "192.0.2.1")).isEmpty();

    now.addAndGet(Duration.ofMinutes(2).toNanos());
    attempts.admit("someone");
    assertThat(attempts.size()).isEqualTo(1);
  }

  @Test
  void anIpv6AddressCountsByItsSlash64AndNothingIsCountedOutsideARequest() {
    attempts.servingFrom("2001:db8:1:2:aaaa::1");
    for (int i = 0; i < 3; i++) {
      attempts.admit("pat");
    }
    assertThat(attempts.waitLeft("pat", "2001:db8:1:2:bbbb::7")).isPresent();
    assertThat(attempts.waitLeft("pat", "2001:db8:1:3::1")).isEmpty();

    attempts.served();
    for (int i = 0; i < 5; i++) {
      assertThat(attempts.admit("sam")).isTrue();
    }
    assertThat(attempts.size()).isEqualTo(1);
  }

  private Duration waitLeft(String account) {
    Optional<Duration> wait = attempts.waitLeft(account, "192.0.2.1");
    assertThat(wait).isPresent();
    return wait.get();
  }

  private void pass(Duration duration) {
    now.addAndGet(duration.toNanos());
  }
}
