package org.sesreturns.identity;

import java.util.List;

/** A logged-in user and the groups the engine knows them by. */
public record Caller(String userId, List<String> groupIds) {

  public boolean inAnyOf(java.util.Collection<String> groups) {
    return groupIds.stream().anyMatch(groups::contains);
  }
}
