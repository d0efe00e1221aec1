package org.sesreturns.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A client calling from a chosen loopback address (Linux routes all of 127.0.0.0/8 to this host),
 * as a caller elsewhere on the network would: Java's HTTP clients cannot choose the local address,
 * so requests are HTTP/1.1 written by hand on a socket bound to it. Cookies the server sets are
 * kept and sent back, so it can log in to the webapps as a browser does.
 */
final class FromAddress {

  private final String localAddress;
  private final int port;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  FromAddress(String localAddress, int port) {
    this.localAddress = localAddress;
    this.port = port;
  }

  record Response(int status, Map<String, String> headers, String body) {
    com.fasterxml.jackson.databind.JsonNode json() {
      return new Rest.Response(status, body).json();
    }
  }

  /** A GET with HTTP Basic credentials, and any extra headers. */
  Response get(String user, String password, String path, String... headers) {
    return send("GET", path, withBasic(user, password, headers), null);
  }

  Response post(String user, String password, String path, String json) {
    return send("POST", path, withBasic(user, password, "Content-Type", "application/json"), json);
  }

  Response put(String user, String password, String path, String json) {
    return send("PUT", path, withBasic(user, password, "Content-Type", "application/json"), json);
  }

  /**
   * The webapps' login form as Tasklist sends it: a first page for the session and its XSRF token,
   * then the form with the token.
   */
  Response webappLogin(String user, String password, String app) {
    cookies.clear();
    send("GET", "/camunda/app/" + app + "/default/", List.of(), null);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send("POST", "/camunda/api/admin/auth/user/default/login/" + app, List.of(
        "Content-Type", "application/x-www-form-urlencoded", "X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", "")), form);
  }

  /** A GET in the webapps' session this client logged in to. */
  Response inSession(String path) {
    return send("GET", path, List.of("Accept", "application/json"), null);
  }

  /** A change in that session, with its XSRF token as the webapps send it. */
  Response putInSession(String path, String json) {
    return send("PUT", path, List.of("Content-Type", "application/json", "Accept", "application/json",
        "X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", "")), json);
  }

  private static List<String> withBasic(String user, String password, String... headers) {
    List<String> all = new ArrayList<>(List.of(headers));
    all.add("Authorization");
    all.add("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    return all;
  }

  private Response send(String method, String path, List<String> headers, String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
        + "\r\nConnection: close\r\n");
    for (int i = 0; i < headers.size(); i += 2) {
      head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
    }
    if (!cookies.isEmpty()) {
      head.append("Cookie: ").append(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
          .collect(Collectors.joining("; "))).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(content);
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Response read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      if (name.equals("set-cookie")) {
        String pair = value.split(";", 2)[0];
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
      headers.merge(name, value, (a, b) -> a + ", " + b);
    }
    byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = unchunked(rest);
    }
    return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(rest, StandardCharsets.UTF_8));
  }

  private static byte[] unchunked(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = at;
      while (chunked[lineEnd] != '\r') {
        lineEnd++;
      }
      String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int size = Integer.parseInt(sizeLine, 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }
}
