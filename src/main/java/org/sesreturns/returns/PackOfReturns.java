package org.sesreturns.returns;

/** What the pack does when a return is signed off (the pack feature answers; returns do not depend on it). */
public interface PackOfReturns {

  /** A return was signed off: a late one goes into a new version of a pack compiled without it. */
  void returnSignedOff(ReturnKey key);
}
