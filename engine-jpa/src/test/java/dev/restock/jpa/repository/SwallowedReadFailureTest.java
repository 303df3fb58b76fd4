package dev.restock.jpa.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.error.StoreUnavailableException;
import dev.restock.api.query.Visibility;
import dev.restock.api.spi.Store;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.jpa.tx.UnitOfWork;
import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A read the database failed must never answer "absent". Hibernate's {@code Session.find} returns
 * null for a JDBC failure once the transaction is marked rollback-only (HHH-12472); under a
 * PostgreSQL restart that turned a lost connection into "no live user has id ..." (a
 * PermissionDeniedException) instead of the typed StoreUnavailableException.
 */
class SwallowedReadFailureTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aLookupAfterTheConnectionFailedIsAStoreFailureNotAMissingRow(TestDatabase database)
      throws Exception {
    try (FreshDatabase db = database.fresh(); Store store = db.factory().open()) {
      AtomicReference<Object> second = new AtomicReference<>();
      assertThatThrownBy(() -> store.transactions().write(
          new AuditContext(Actor.system(), "test.lost-connection"), () -> {
            // the connection dies under the unit of work, as in a server restart
            UnitOfWork.currentSession().doWork(Connection::close);
            try {
              store.products().find(UUID.randomUUID(), Visibility.LIVE);
            } catch (RuntimeException first) {
              // the first failure surfaces and marks the transaction rollback-only
            }
            try {
              second.set(store.users().find(UUID.randomUUID(), Visibility.LIVE));
            } catch (RuntimeException e) {
              second.set(e);
              throw e;
            }
            return null;
          })).isInstanceOf(StoreUnavailableException.class);
      assertThat(second.get()).as("the second lookup, on the failed unit")
          .isInstanceOf(StoreUnavailableException.class);
    }
  }
}
