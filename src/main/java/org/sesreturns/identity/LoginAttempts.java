package org.sesreturns.identity;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins counted per account and address, so a stranger's guesses from one address never
 * keep the owner out from another. After {@code freeFailures} failures in a row the pair waits,
 * twice as long at each further failure up to {@code maxDelay}; an attempt during the wait is
 * refused without its password being checked, and is not counted. A success forgets the pair.
 *
 * <p>An attempt counts as a failure the moment it is let through and is forgotten if it succeeds,
 * so a burst of attempts sent at once cannot all slip through before the first one fails.
 *
 * <p>Memory is bounded: a pair is forgotten {@code forgetAfter} after its last attempt, and at
 * most {@code maxPairs} are kept; past that, the pair whose last attempt is oldest is forgotten
 * (and may start again with free failures). Names are cut to {@value #LONGEST_ACCOUNT} characters
 * and IPv6 addresses counted by their /64, which one household or host holds whole.
 *
 * <p>The table is this node's: behind a load balancer each node counts what it sees.
 */
final class LoginAttempts {

  private static final Logger LOG = LoggerFactory.getLogger(LoginAttempts.class);
  /** Longer than any login the engine stores (255), and no more memory than that per pair. */
  static final int LONGEST_ACCOUNT = 128;

  private final LoginThrottleProperties settings;
  private final LongSupplier nanoTime;
  /** The address of the request this thread serves: the engine's password check is told no more than the user id. */
  private final ThreadLocal<String> servedAddress = new ThreadLocal<>();
  /** Oldest last attempt first: each counted attempt puts its pair at the end. */
  private final Map<Pair, Tries> pairs = new LinkedHashMap<>();
  private long lastFullWarning;
  private boolean warnedFull;

  LoginAttempts(LoginThrottleProperties settings) {
    this(settings, System::nanoTime);
  }

  LoginAttempts(LoginThrottleProperties settings, LongSupplier nanoTime) {
    this.settings = settings;
    this.nanoTime = nanoTime;
  }

  private record Pair(String account, String address) {}

  /** Times are {@link System#nanoTime()}: a clock set back must not make anyone wait longer. */
  private record Tries(int failures, long lastAttempt, long waitUntil) {}

  void servingFrom(String remoteAddress) {
    servedAddress.set(addressKey(remoteAddress));
  }

  void served() {
    servedAddress.remove();
  }

  /** How long the account must still wait before a login from this address is checked. */
  synchronized Optional<Duration> waitLeft(String account, String remoteAddress) {
    long now = nanoTime.getAsLong();
    Tries tries = pairs.get(new Pair(accountKey(account), addressKey(remoteAddress)));
    return tries == null || tries.waitUntil - now <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(tries.waitUntil - now));
  }

  /**
   * Whether the password for the account may be checked now, from the address of the request this
   * thread serves; if so the attempt counts as a failure until {@link #succeeded} says otherwise.
   * Outside a request (the application's own set-up) nothing is counted.
   */
  synchronized boolean admit(String account) {
    String address = servedAddress.get();
    if (address == null || account == null) {
      return true;
    }
    long now = nanoTime.getAsLong();
    forgetOld(now);
    Pair pair = new Pair(accountKey(account), address);
    Tries tries = pairs.remove(pair);
    if (tries != null && tries.waitUntil - now > 0) {
      pairs.put(pair, tries);
      return false;
    }
    int failures = tries == null ? 1 : tries.failures + 1;
    pairs.put(pair, new Tries(failures, now, now + delayAfter(failures)));
    if (pairs.size() > settings.maxPairs()) {
      Iterator<Pair> oldest = pairs.keySet().iterator();
      oldest.next();
      oldest.remove();
      warnFull(now);
    }
    return true;
  }

  synchronized void succeeded(String account) {
    String address = servedAddress.get();
    if (address != null && account != null) {
      pairs.remove(new Pair(accountKey(account), address));
    }
  }

  synchronized int size() {
    return pairs.size();
  }

  private long delayAfter(int failures) {
    int beyond = failures - settings.freeFailures();
    if (beyond < 0) {
      return 0;
    }
    double delay = settings.firstDelay().toNanos() * Math.pow(2, Math.min(beyond, 62));
    return (long) Math.min(delay, settings.maxDelay().toNanos());
  }

  private void forgetOld(long now) {
    long forgetAfter = settings.forgetAfter().toNanos();
    Iterator<Tries> oldestFirst = pairs.values().iterator();
    while (oldestFirst.hasNext() && now - oldestFirst.next().lastAttempt > forgetAfter) {
      oldestFirst.remove();
    }
  }

  private void warnFull(long now) {
    if (!warnedFull || now - lastFullWarning > TimeUnit.MINUTES.toNanos(1)) {
      LOG.warn("Login throttling holds {} account and address pairs, its most (ses.security.login-throttle.max-pairs):"
          + " the pairs tried longest ago are forgotten. A flood of failed logins?", settings.maxPairs());
      warnedFull = true;
      lastFullWarning = now;
    }
  }

  /** Logins differing only in case are one account: some databases compare ids without case. */
  private static String accountKey(String account) {
    String cut = account.length() > LONGEST_ACCOUNT ? account.substring(0, LONGEST_ACCOUNT) : account;
    return cut.toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String remoteAddress) {
    if (remoteAddress == null || remoteAddress.indexOf(':') < 0
        || !remoteAddress.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
      return String.valueOf(remoteAddress);
    }
    try {
      // only a literal address gets here: it is parsed, never looked up
      InetAddress address = InetAddress.getByName(remoteAddress);
      if (address instanceof Inet6Address) {
        byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(prefix, 8, 16, (byte) 0);
        return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
      }
      return address.getHostAddress();
    } catch (UnknownHostException e) {
      return remoteAddress;
    }
  }
}
