package dev.restock.jpa.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.StoreFactory;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.ErasureContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The TCK's erasure contract on each database, with personal fields encrypted. */
abstract class JpaErasureContractTest extends ErasureContract {
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine(UnaryOperator<Store> wrap) {
    db = database().fresh();
    StoreFactory factory = ErasureStores.encrypted(db);
    return RestockEngine.builder().store(() -> wrap.apply(factory.open())).build();
  }

  @Override
  protected void cleanUp() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void realErasuresOfALiveAndASoftDeletedUserVerifyClean() {
    try (Restock engine = openEngine(UnaryOperator.identity())) {
      RestockSession admin = admin(engine);
      User live = admin.users().create(new CreateUser("ann", "ann@example.com", Role.DRIVER));
      User gone = admin.users().create(new CreateUser("carl", "carl@example.com", Role.DRIVER));
      admin.users().delete(gone.id());

      admin.users().erase(live.id(), "request 1");
      admin.users().erase(gone.id(), "request 2");

      assertThat(admin.history().verify().problems()).isEmpty();
    }
  }

  /**
   * Inside a unit of work the revision's action is {@code unit-of-work}, not {@code user.erase}:
   * the erasure is told from a faked one by its chained audit event, so it verifies clean, while
   * a user only created in that same revision and then made to look erased is still reported.
   */
  @Test
  void anErasureInsideAUnitOfWorkVerifiesCleanAndAFakeInTheSameRevisionIsReported()
      throws Exception {
    try (Restock engine = openEngine(UnaryOperator.identity())) {
      User olga = engine.as(Actor.system()).users().create(
          new CreateUser("olga", "olga@example.com", Role.ADMIN));
      RestockSession admin = engine.as(Actor.user(olga.id()));
      User ann = admin.users().create(new CreateUser("ann", "ann@example.com", Role.DRIVER));
      User bob = engine.inUnitOfWork(Actor.user(olga.id()), s -> {
        User created = s.users().create(new CreateUser("bob", "bob@example.com", Role.DRIVER));
        s.users().erase(ann.id(), "request 1");
        return created;
      });

      assertThat(admin.history().verify().problems()).isEmpty();

      fakeErasure(bob);
      ChainVerification verify = admin.history().verify();

      assertThat(verify.intact()).isFalse();
      assertThat(verify.problems()).singleElement().asString()
          .contains("user:" + bob.id()).contains("user.erase");
    }
  }

  /**
   * {@code erased_subject} and {@code subject_key} are outside the chain: a user made to look
   * erased behind the engine's back (row inserted, keys deleted) has no chained user.erase.
   */
  @Test
  void anErasureFakedBehindTheEnginesBackIsReportedNamingTheSubject() throws Exception {
    try (Restock engine = openEngine(UnaryOperator.identity())) {
      RestockSession admin = admin(engine);
      User real = admin.users().create(new CreateUser("ann", "ann@example.com", Role.DRIVER));
      User faked = admin.users().create(new CreateUser("bob", "bob@example.com", Role.DRIVER));
      admin.users().erase(real.id(), "request 1");
      fakeErasure(faked);

      ChainVerification verify = admin.history().verify();

      assertThat(verify.intact()).isFalse();
      assertThat(verify.problems()).singleElement().asString()
          .contains("user:" + faked.id()).contains("user.erase");
    }
  }

  /** Makes {@code user} look erased behind the engine's back: keys deleted, row inserted. */
  private void fakeErasure(User user) throws Exception {
    try (Connection c = db.connect();
        PreparedStatement keys = c.prepareStatement(
            "delete from subject_key where subject = ?");
        PreparedStatement erased = c.prepareStatement(
            "insert into erased_subject (subject, erased_at) values (?, ?)")) {
      keys.setString(1, "user:" + user.id());
      keys.executeUpdate();
      erased.setString(1, "user:" + user.id());
      erased.setTimestamp(2, Timestamp.from(Instant.now()));
      erased.executeUpdate();
    }
  }

  private static RestockSession admin(Restock engine) {
    User olga = engine.as(Actor.system()).users().create(
        new CreateUser("olga", "olga@example.com", Role.ADMIN));
    return engine.as(Actor.user(olga.id()));
  }
}
