package org.sesreturns.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which requests are tried again after a collision, how often, and with what body. */
class CollisionRetryTest {

  private static final String COLLIDED = "{\"type\":\"OptimisticLockingException\",\"message\":\"try again\"}";

  private final List<String> bodiesSeen = new ArrayList<>();

  @Test
  void aCompletionThatCollidesTwiceIsAnsweredByItsThirdAttemptWithTheSameBody() throws Exception {
    var response = new MockHttpServletResponse();
    new CollisionRetry().doFilter(post("/engine-rest", "/task/abc/complete"), response,
        (req, res) -> answer(req, (HttpServletResponse) res, bodiesSeen.size() < 2 ? 409 : 204, ""));
    assertThat(response.getStatus()).isEqualTo(204);
    assertThat(response.getContentAsString()).as("nothing of the collided attempts").isEmpty();
    assertThat(bodiesSeen).hasSize(3).containsOnly("{\"variables\":{}}");
  }

  @Test
  void aChangeThatKeepsCollidingGetsThe409AfterFourAttempts() throws Exception {
    var response = new MockHttpServletResponse();
    new CollisionRetry().doFilter(post("/engine-rest", "/task/abc/complete"), response,
        (req, res) -> answer(req, (HttpServletResponse) res, 409, COLLIDED));
    assertThat(bodiesSeen).hasSize(CollisionRetry.ATTEMPTS);
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentAsString()).isEqualTo(COLLIDED);
  }

  @Test
  void tasklistsSubmissionIsTriedAgainToo() throws Exception {
    var response = new MockHttpServletResponse();
    // the webapps' engine API answers the collision with 500 and the exception's type
    new CollisionRetry().doFilter(post("/camunda/api/engine", "/engine/default/task/abc/submit-form"), response,
        (req, res) -> answer(req, (HttpServletResponse) res, bodiesSeen.isEmpty() ? 500 : 204, ""));
    assertThat(response.getStatus()).isEqualTo(204);
    assertThat(bodiesSeen).hasSize(2);
  }

  @Test
  void anyOtherRefusalOrRequestIsLeftAlone() throws Exception {
    var refused = new MockHttpServletResponse();
    new CollisionRetry().doFilter(post("/engine-rest", "/task/abc/complete"), refused,
        (req, res) -> answer(req, (HttpServletResponse) res, 400, "{\"type\":\"InvalidRequestException\"}"));
    assertThat(bodiesSeen).hasSize(1);
    assertThat(refused.getStatus()).isEqualTo(400);

    bodiesSeen.clear();
    var query = new MockHttpServletResponse();
    new CollisionRetry().doFilter(post("/engine-rest", "/task"), query,
        (req, res) -> answer(req, (HttpServletResponse) res, 409, COLLIDED));
    assertThat(bodiesSeen).as("a query is not a change").hasSize(1);
  }

  private void answer(jakarta.servlet.ServletRequest request, HttpServletResponse response, int status, String body)
      throws java.io.IOException {
    bodiesSeen.add(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    response.setStatus(status);
    String text = status == 409 || status == 500 ? COLLIDED : body;
    response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
  }

  private static MockHttpServletRequest post(String servletPath, String pathInfo) {
    var request = new MockHttpServletRequest("POST", servletPath + pathInfo);
    request.setServletPath(servletPath);
    request.setPathInfo(pathInfo);
    request.setContent("{\"variables\":{}}".getBytes(StandardCharsets.UTF_8));
    return request;
  }
}
