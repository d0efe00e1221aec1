package org.sesreturns.returns;

/** Identifies one objective's return in one cycle; its text form is the return process's business key. */
public record ReturnKey(String cycleKey, String objectiveId) {

  public static ReturnKey parse(String businessKey) {
    int slash = businessKey == null ? -1 : businessKey.indexOf('/');
    if (slash <= 0 || slash == businessKey.length() - 1) {
      throw new IllegalArgumentException("'" + businessKey + "' is not a return key (<cycle>/<objective>)");
    }
    return new ReturnKey(businessKey.substring(0, slash), businessKey.substring(slash + 1));
  }

  /** The return process's business key: {@code 2024-25-Q1/business-growth}. */
  public String businessKey() {
    return cycleKey + "/" + objectiveId;
  }

  /** The path of the return's own page (served by the return page), for the links in messages. */
  public String pagePath() {
    return "/ses/returns/" + cycleKey + "/" + objectiveId;
  }
}
