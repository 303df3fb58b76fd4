package dev.restock.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A real HTTP client for the API tests (the JDK's, over the loopback interface): Basic
 * authentication as one account, JSON in and out.
 */
public final class Http {
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String authorization;

  /** A client of the server on {@code port}, signed in as {@code username}. */
  public Http(int port, String username, String password) {
    this.base = "http://127.0.0.1:" + port;
    this.authorization = username == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** GET {@code path}. */
  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** POST {@code json} (or nothing when null) to {@code path}. */
  public HttpResponse<String> post(String path, String json) {
    return send(request(path).POST(json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json)));
  }

  /** PUT {@code json} to {@code path}. */
  public HttpResponse<String> put(String path, String json) {
    return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** DELETE {@code path}. */
  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  /** Sends a request built from {@link #request}. */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request to {@code path} with the account's credentials and JSON headers. */
  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json")
        .header("Content-Type", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }
}
