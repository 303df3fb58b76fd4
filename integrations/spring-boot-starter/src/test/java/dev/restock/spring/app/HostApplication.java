package dev.restock.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A host application as a Spring Boot developer writes one: its own DataSource (Boot's HikariCP
 * from {@code spring.datasource.*}), its own Flyway migrations in {@code db/migration}, its own
 * {@code @Transactional} services, and the Restock starter on the class path.
 */
@SpringBootApplication
public class HostApplication {}
