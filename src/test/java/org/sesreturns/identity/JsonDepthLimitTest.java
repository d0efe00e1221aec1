package org.sesreturns.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How deep a request's JSON may go, in its body and in the JSON a variable carries as text. */
class JsonDepthLimitTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void aSubmissionPasses() {
    String submission = "{\"variables\": {\"overallStatus\": {\"value\": \"green\"}, \"kpis\": {\"type\": \"Json\","
        + " \"value\": \"[{\\\"kpi\\\": \\\"jobs-created\\\", \\\"achieved\\\": \\\"4\\\"}]\"}}}";
    assertThat(JsonDepthLimit.problem(bytes(submission), 64)).isEmpty();
    assertThat(JsonDepthLimit.problem(bytes(nested(64)), 64)).isEmpty();
  }

  @Test
  void jsonDeeperThanTheLimitIsRefused() {
    assertThat(JsonDepthLimit.problem(bytes(nested(65)), 64))
        .hasValue("the request's JSON is nested more than 64 levels deep: nothing this application takes is, so it is refused");
    // deeper than Jackson's own limit of 1000, which would have ended in an exception of its own
    assertThat(JsonDepthLimit.problem(bytes("{\"a\":" + nested(5000) + "}"), 64)).isPresent();
  }

  @Test
  void jsonInAVariablesTextIsMeasuredToo() {
    String variable = "{\"variables\": {\"kpis\": {\"type\": \"Json\", \"value\": \"" + nested(100) + "\"}}}";
    assertThat(JsonDepthLimit.problem(bytes(variable), 64)).get().asString()
        .startsWith("the JSON in the text of 'value' is nested more than 64 levels deep");
  }

  @Test
  void whatIsNotJsonPassesToWhoeverReadsIt() {
    assertThat(JsonDepthLimit.problem(bytes("not json"), 64)).isEmpty();
    assertThat(JsonDepthLimit.problem(bytes("{\"commentary\": \"[draft] on track {see below\"}"), 64)).isEmpty();
  }
}
