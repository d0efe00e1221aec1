package org.sesreturns.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which requests are tried again after a collision, how often, and with what body. */
class CollisionRetryTest {

  private static final String COLLIDED = "{\"type\":\"OptimisticLockingException\",\"message\":\"try again\"}";

  private final List<String> bodiesSeen = new ArrayList<>();
  private final List<Integer> pauses = new ArrayList<>();
  /** The engine's thread-local login, as the identity service keeps it. */
  private final java.util.concurrent.atomic.AtomicReference<Authentication> login = new java.util.concurrent.atomic.AtomicReference<>();
  private final IdentityService identity = identityKeeping(login);
  private final CollisionRetry retry = new CollisionRetry(identity) {
    @Override
    void pause(int attempt) {
      pauses.add(attempt);
    }
  };

  @Test
  void everyAttemptOfTheRestApisCallerRunsAsThem() throws Exception {
    // the REST API's login comes before the retry and holds for every attempt; the webapps' own
    // login, after it, is set again for each attempt from the session (DeadlineRushIT proves it)
    login.set(new Authentication("helen.spreadbury", List.of("project-leads")));
    List<String> callers = new ArrayList<>();
    retry.doFilter(post("/engine-rest", "/task/abc/complete"), new MockHttpServletResponse(), (req, res) -> {
      callers.add(login.get() == null ? "nobody" : login.get().getUserId());
      answer(req, (HttpServletResponse) res, callers.size() < 3 ? 409 : 204, "");
    });
    assertThat(callers).containsExactly("helen.spreadbury", "helen.spreadbury", "helen.spreadbury");
  }

  @Test
  void aRequestOfNobodyIsTriedAgainAsNobody() throws Exception {
    List<String> callers = new ArrayList<>();
    retry.doFilter(post("/engine-rest", "/task/abc/complete"), new MockHttpServletResponse(), (req, res) -> {
      callers.add(login.get() == null ? "nobody" : login.get().getUserId());
      answer(req, (HttpServletResponse) res, callers.size() < 2 ? 409 : 204, "");
    });
    assertThat(callers).containsExactly("nobody", "nobody");
  }

  private static IdentityService identityKeeping(java.util.concurrent.atomic.AtomicReference<Authentication> login) {
    IdentityService identity = org.mockito.Mockito.mock(IdentityService.class);
    org.mockito.Mockito.when(identity.getCurrentAuthentication()).thenAnswer(call -> login.get());
    org.mockito.Mockito.doAnswer(call -> {
      login.set(call.getArgument(0));
      return null;
    }).when(identity).setAuthentication(org.mockito.ArgumentMatchers.any(Authentication.class));
    return identity;
  }

  @Test
  void aCompletionThatCollidesTwiceIsAnsweredByItsThirdAttemptWithTheSameBody() throws Exception {
    var response = new MockHttpServletResponse();
    retry.doFilter(post("/engine-rest", "/task/abc/complete"), response,
        (req, res) -> answer(req, (HttpServletResponse) res, bodiesSeen.size() < 2 ? 409 : 204, ""));
    assertThat(response.getStatus()).isEqualTo(204);
    assertThat(response.getContentAsString()).as("nothing of the collided attempts").isEmpty();
    assertThat(bodiesSeen).hasSize(3).containsOnly("{\"variables\":{}}");
  }

  @Test
  void aChangeThatKeepsCollidingGetsThe409AfterEveryAttempt() throws Exception {
    var response = new MockHttpServletResponse();
    retry.doFilter(post("/engine-rest", "/task/abc/complete"), response,
        (req, res) -> answer(req, (HttpServletResponse) res, 409, COLLIDED));
    assertThat(bodiesSeen).hasSize(CollisionRetry.ATTEMPTS);
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentAsString()).isEqualTo(COLLIDED);
    assertThat(pauses).as("a pause between attempts, none after the last").hasSize(CollisionRetry.ATTEMPTS - 1);
  }

  @Test
  void theAttemptsLastSecondsNotMilliseconds() {
    // the application's own steps after a change run for a few hundred milliseconds, one after another
    long least = 0;
    for (int attempt = 1; attempt < CollisionRetry.ATTEMPTS; attempt++) {
      long pause = CollisionRetry.pauseMillis(attempt);
      assertThat(pause).isBetween(Math.min(25L * attempt, 250L), 280L);
      least += Math.min(25L * attempt, 250L);
    }
    assertThat(least).as("milliseconds waited at least before the 409").isGreaterThan(3000);
  }

  @Test
  void aReadThatCollidesIsAnsweredByItsNextAttempt() throws Exception {
    // the lead's return form read while the step telling them of it ends a branch of the execution tree
    var response = new MockHttpServletResponse();
    retry.doFilter(get("/engine-rest", "/task/abc/form-variables"), response,
        (req, res) -> answer(req, (HttpServletResponse) res, bodiesSeen.isEmpty() ? 409 : 200, "{\"kpis\":{}}"));
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString()).isEqualTo("{\"kpis\":{}}");
    assertThat(bodiesSeen).hasSize(2);

    bodiesSeen.clear();
    var tasklist = new MockHttpServletResponse();
    retry.doFilter(get("/camunda/api/engine", "/engine/default/task/abc/form-variables"), tasklist,
        (req, res) -> answer(req, (HttpServletResponse) res, bodiesSeen.isEmpty() ? 500 : 200, "{}"));
    assertThat(tasklist.getStatus()).isEqualTo(200);
    assertThat(bodiesSeen).as("Tasklist's read, through the webapps' engine API").hasSize(2);
  }

  @Test
  void tasklistsSubmissionIsTriedAgainToo() throws Exception {
    var response = new MockHttpServletResponse();
    // the webapps' engine API answers the collision with 500 and the exception's type
    retry.doFilter(post("/camunda/api/engine", "/engine/default/task/abc/submit-form"), response,
        (req, res) -> answer(req, (HttpServletResponse) res, bodiesSeen.isEmpty() ? 500 : 204, ""));
    assertThat(response.getStatus()).isEqualTo(204);
    assertThat(bodiesSeen).hasSize(2);
  }

  @Test
  void anyOtherRefusalOrRequestIsLeftAlone() throws Exception {
    var refused = new MockHttpServletResponse();
    retry.doFilter(post("/engine-rest", "/task/abc/complete"), refused,
        (req, res) -> answer(req, (HttpServletResponse) res, 400, "{\"type\":\"InvalidRequestException\"}"));
    assertThat(bodiesSeen).hasSize(1);
    assertThat(refused.getStatus()).isEqualTo(400);

    bodiesSeen.clear();
    var query = new MockHttpServletResponse();
    retry.doFilter(post("/engine-rest", "/task"), query,
        (req, res) -> answer(req, (HttpServletResponse) res, 409, COLLIDED));
    assertThat(bodiesSeen).as("a query is not a change").hasSize(1);

    bodiesSeen.clear();
    var notFound = new MockHttpServletResponse();
    retry.doFilter(get("/engine-rest", "/task/abc/form-variables"), notFound,
        (req, res) -> answer(req, (HttpServletResponse) res, 404, "{\"type\":\"InvalidRequestException\"}"));
    assertThat(bodiesSeen).as("a read answered with anything but a collision").hasSize(1);
    assertThat(notFound.getStatus()).isEqualTo(404);

    bodiesSeen.clear();
    var deletion = new MockHttpServletRequest("DELETE", "/engine-rest/task/abc");
    deletion.setServletPath("/engine-rest");
    deletion.setPathInfo("/task/abc");
    retry.doFilter(deletion, new MockHttpServletResponse(),
        (req, res) -> answer(req, (HttpServletResponse) res, 409, COLLIDED));
    assertThat(bodiesSeen).as("a change not listed").hasSize(1);
  }

  private void answer(jakarta.servlet.ServletRequest request, HttpServletResponse response, int status, String body)
      throws java.io.IOException {
    bodiesSeen.add(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    response.setStatus(status);
    String text = status == 409 || status == 500 ? COLLIDED : body;
    response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
  }

  private static MockHttpServletRequest get(String servletPath, String pathInfo) {
    var request = new MockHttpServletRequest("GET", servletPath + pathInfo);
    request.setServletPath(servletPath);
    request.setPathInfo(pathInfo);
    return request;
  }

  private static MockHttpServletRequest post(String servletPath, String pathInfo) {
    var request = new MockHttpServletRequest("POST", servletPath + pathInfo);
    request.setServletPath(servletPath);
    request.setPathInfo(pathInfo);
    request.setContent("{\"variables\":{}}".getBytes(StandardCharsets.UTF_8));
    return request;
  }
}
