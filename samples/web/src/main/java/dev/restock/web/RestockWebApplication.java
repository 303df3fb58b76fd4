package dev.restock.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Restock web host: a Spring Boot application on the Restock starter, serving a JSON API
 * under {@code /api} (OpenAPI document at {@code /v3/api-docs}) and a server-rendered console.
 * By default it runs on a SQLite file, {@code restock-web.db} in the working directory, and seeds
 * a demo fleet on first start.
 */
@SpringBootApplication
public class RestockWebApplication {

  /**
   * Starts the web host.
   *
   * @param args Spring Boot arguments, such as {@code --server.port=9090}
   */
  public static void main(String[] args) {
    SpringApplication.run(RestockWebApplication.class, args);
  }
}
