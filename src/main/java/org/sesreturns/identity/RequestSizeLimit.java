package org.sesreturns.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose body is larger than the limit with 413 before anything reads it: the
 * engine stores a variable of any size it is sent (a 19 MB one was), and each request's body is
 * held in memory while it is read.
 */
class RequestSizeLimit extends OncePerRequestFilter {

  private final long maxBytes;

  RequestSizeLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
    if (length > maxBytes || chunked) {
      // a body of unknown length is refused too: every client of this application sends its length
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "a request may carry at most " + maxBytes + " bytes, with its Content-Length");
      return;
    }
    chain.doFilter(request, response);
  }
}
