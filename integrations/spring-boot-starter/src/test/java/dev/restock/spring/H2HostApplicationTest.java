package dev.restock.spring;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The host application on an in-memory H2 database of its own. */
@DirtiesContext
class H2HostApplicationTest extends HostApplicationContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }
}
