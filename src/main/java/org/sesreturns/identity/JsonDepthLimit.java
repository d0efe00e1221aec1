package org.sesreturns.identity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400 a JSON body nested deeper than the limit, before anything parses it: the engine,
 * Spin and Jackson parse by recursion, and a body of a few kilobytes nested a thousand levels deep
 * ended in a 500 (or a stack overflow) instead of a refusal. The JSON a variable carries as text
 * (a {@code Json} variable's value, a return's KPI rows) is parsed again later, so it is measured too.
 * A body that is not JSON passes: whoever reads it answers it, as before.
 */
class JsonDepthLimit extends OncePerRequestFilter {

  /** Parsed here with the depth counted by this filter, not stopped at Jackson's own 1000. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build()).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int maxDepth;

  JsonDepthLimit(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
      chain.doFilter(request, response);
      return;
    }
    // at most the request size limit's bytes, refused before this filter when larger
    byte[] body = request.getInputStream().readAllBytes();
    Optional<String> problem = problem(body, maxDepth);
    if (problem.isPresent()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(JSON.writeValueAsString(Map.of("type", "InvalidRequestException", "message", problem.get())));
      return;
    }
    chain.doFilter(new RereadableRequest(request, body), response);
  }

  /** Why this body is refused, if it is: JSON (or JSON held in one of its strings) nested over the limit. */
  static Optional<String> problem(byte[] body, int maxDepth) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      return problem(parser, maxDepth, "the request's JSON");
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException("a request held in memory could not be read", e);
    }
  }

  private static Optional<String> problem(JsonParser parser, int maxDepth, String what) throws IOException {
    int depth = 0;
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      if (token.isStructStart() && ++depth > maxDepth) {
        return Optional.of(what + " is nested more than " + maxDepth + " levels deep: nothing this application"
            + " takes is, so it is refused");
      }
      if (token.isStructEnd()) {
        depth--;
      }
      if (token == JsonToken.VALUE_STRING) {
        String text = parser.getText().strip();
        if (text.startsWith("{") || text.startsWith("[")) {
          Optional<String> inner = innerProblem(text, maxDepth, parser.currentName());
          if (inner.isPresent()) {
            return inner;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> innerProblem(String text, int maxDepth, String field) throws IOException {
    try (JsonParser inner = FACTORY.createParser(text)) {
      return problem(inner, maxDepth, "the JSON in the text of '" + (field == null ? "a list" : field) + "'");
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }
}
