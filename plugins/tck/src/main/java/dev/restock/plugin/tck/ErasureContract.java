package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.audit.InclusionProof;
import dev.restock.api.audit.IntegrityCheck;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.PermissionDeniedException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.spi.Store;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.UpdateUser;
import dev.restock.api.user.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure of a person ({@code UserManagement.erase}, {@code Users.erase}), on any store, through
 * the whole engine: afterwards the user reads inactive with {@link User#erasedEmail}, the old
 * email is found nowhere (live, history, audit events, the chain's content) and is free for a new
 * user; the chain verifies, and a proof made before the erasure still verifies against its
 * checkpoint; the erasure is itself a revision ({@code user.erase}, actor, reason). Every refusal
 * (open orders, last administrator, blank reason, erased already, not an administrator) is typed
 * and writes nothing.
 *
 * <p>Extend it with an engine on a new, empty store; a store that encrypts needs its keys
 * configured.
 */
public abstract class ErasureContract {
  /** What history shows in place of an erased value. */
  public static final String ERASED = "[erased]";

  private static final String DAVE_FIRST = "dave.first@example.com";
  private static final String DAVE_NOW = "dave.now@example.com";

  private Restock engine;
  private Store store;
  private RestockSession admin;
  private User olga;
  private User dave;

  /**
   * An engine on a new, empty store, opened through {@code wrap}: the suite keeps the store to
   * ask its {@code Users} port directly.
   */
  protected abstract Restock openEngine(UnaryOperator<Store> wrap);

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  /** Olga, the administrator, and Dave, a driver whose email changed once. */
  private void start() {
    engine = openEngine(opened -> {
      store = opened;
      return opened;
    });
    olga = engine.as(Actor.system()).users().create(
        new CreateUser("olga", "olga@example.com", Role.ADMIN));
    admin = engine.as(Actor.user(olga.id()));
    dave = admin.users().create(new CreateUser("dave", DAVE_FIRST, Role.DRIVER));
    dave = admin.users().update(dave.id(), new UpdateUser(DAVE_NOW, null, null));
  }

  private Optional<User> byEmail(String email) {
    return store.transactions().read(() -> store.users().findByEmail(email));
  }

  private List<AuditEvent> events() {
    return admin.history().events(null, Instant.EPOCH);
  }

  /** What a refusal must leave as it was. */
  private record Snapshot(List<User> users, int daveRevisions, int events, long revisions) {}

  private Snapshot snapshot() {
    return new Snapshot(admin.users().list(PageRequest.of(0, 100), Visibility.INCLUDE_DELETED)
        .items(), admin.history().history(AuditedType.USER, dave.id()).size(), events().size(),
        admin.history().verify().checked());
  }

  @Test
  public void anErasedUserReadsInactiveWithThePlaceholderAndTheOldEmailIsFree() {
    start();
    User erased = admin.users().erase(dave.id(), "request 2026-117");

    assertThat(erased.id()).isEqualTo(dave.id());
    assertThat(erased.username()).as("the pseudonym stays").isEqualTo("dave");
    assertThat(erased.email()).isEqualTo(User.erasedEmail(dave.id()));
    assertThat(erased.active()).isFalse();
    assertThat(erased.erased()).isTrue();
    assertThat(admin.users().get(dave.id())).isEqualTo(erased);
    assertThat(byEmail(DAVE_NOW)).isEmpty();
    assertThat(byEmail(DAVE_FIRST)).isEmpty();
    assertThat(byEmail(User.erasedEmail(dave.id()))).map(User::id).contains(dave.id());
    assertThat(admin.users().find(Criteria.where("email", Criteria.Operator.EQ, DAVE_NOW),
        PageRequest.of(0, 10), Visibility.INCLUDE_DELETED).items()).isEmpty();

    User again = admin.users().create(new CreateUser("dave2", DAVE_NOW, Role.DRIVER));
    assertThat(byEmail(DAVE_NOW)).map(User::id).contains(again.id());
    assertThat(admin.users().get(dave.id()).email()).isEqualTo(User.erasedEmail(dave.id()));
  }

  @Test
  public void aDeletedUserCanBeErasedAndStaysDeleted() {
    start();
    admin.users().delete(dave.id());
    User erased = admin.users().erase(dave.id(), "request 2026-118");

    assertThat(erased.deletedAt()).isNotNull();
    assertThat(erased.email()).isEqualTo(User.erasedEmail(dave.id()));
    assertThat(erased.active()).isFalse();
    assertThat(admin.users().list(PageRequest.of(0, 10), Visibility.ONLY_DELETED).items())
        .containsExactly(erased);
    assertThat(byEmail(DAVE_NOW)).isEmpty();
    assertThat(historyText(dave.id())).doesNotContain(DAVE_NOW).doesNotContain(DAVE_FIRST);
  }

  @Test
  public void historyAndAuditEventsKeepNoOldEmail() {
    start();
    List<HistoryEntry> before = admin.history().history(AuditedType.USER, dave.id());
    admin.users().erase(dave.id(), "request 2026-119");

    List<HistoryEntry> after = admin.history().history(AuditedType.USER, dave.id());
    assertThat(after).hasSize(before.size() + 1);
    assertThat(historyText(dave.id())).doesNotContain(DAVE_NOW).doesNotContain(DAVE_FIRST)
        .contains(ERASED);
    // every state before the erasure reads [erased] for the email
    for (HistoryEntry e : before) {
      EntityRevision state = admin.history().asOf(AuditedType.USER, dave.id(), e.info().at());
      assertThat(state.state()).as("revision %d", e.info().number())
          .containsEntry("email", ERASED).containsEntry("username", "dave");
    }
    EntityRevision now = admin.history().asOf(AuditedType.USER, dave.id(), Instant.now());
    assertThat(now.state()).containsEntry("email", User.erasedEmail(dave.id()));

    assertThat(events()).isNotEmpty().allSatisfy(event -> assertThat(event.toString())
        .doesNotContain(DAVE_NOW).doesNotContain(DAVE_FIRST));
    // nor does what the chain shows an auditor of the revisions that wrote the email
    admin.history().checkpoint();
    for (HistoryEntry e : before) {
      assertThat(admin.history().prove(e.info().number()).content())
          .doesNotContain(DAVE_NOW).doesNotContain(DAVE_FIRST);
    }
    assertThat(admin.history().liveDrift()).isEmpty();
  }

  @Test
  public void verifyStaysIntactAndAProofMadeBeforeTheErasureStillVerifies() {
    start();
    long created = admin.history().history(AuditedType.USER, dave.id()).get(0).info().number();
    Checkpoint checkpoint = admin.history().checkpoint();
    InclusionProof proof = admin.history().prove(created);
    assertThat(included(proof, checkpoint)).isTrue();

    admin.users().erase(dave.id(), "request 2026-120");

    assertThat(admin.history().verify().problems()).isEmpty();
    assertThat(admin.history().verify().intact()).isTrue();
    assertThat(admin.history().verify(new IntegrityCheck(Optional.empty(), List.of(checkpoint),
        true)).breaks()).isEmpty();
    // the proof as it was made checks offline, and the store still proves the same
    assertThat(included(proof, checkpoint)).isTrue();
    InclusionProof again = admin.history().prove(created);
    assertThat(again.content()).isEqualTo(proof.content());
    assertThat(again.auditPath()).isEqualTo(proof.auditPath());
    assertThat(included(again, checkpoint)).isTrue();
    // a later checkpoint extends the same tree
    Checkpoint later = admin.history().checkpoint();
    assertThat(later.size()).isGreaterThan(checkpoint.size());
    assertThat(admin.history().verify(new IntegrityCheck(Optional.empty(),
        List.of(checkpoint, later), true)).intact()).isTrue();
    InclusionProof latest = admin.history().prove(created);
    assertThat(latest.content()).isEqualTo(proof.content());
    assertThat(included(latest, later)).isTrue();
  }

  @Test
  public void theErasureIsARevisionWithItsActorAndReason() {
    start();
    admin.users().erase(dave.id(), "request 2026-121");

    List<HistoryEntry> history = admin.history().history(AuditedType.USER, dave.id());
    HistoryEntry last = history.get(history.size() - 1);
    assertThat(last.info().action()).isEqualTo("user.erase");
    assertThat(last.info().actorId()).isEqualTo(olga.id());
    assertThat(last.info().reason()).isEqualTo("request 2026-121");
    List<AuditEvent> events = events();
    AuditEvent event = events.get(events.size() - 1);
    assertThat(event.action()).isEqualTo("user.erase");
    assertThat(event.actorId()).isEqualTo(olga.id());
    assertThat(event.resourceId()).isEqualTo(dave.id());
    assertThat(event.details()).containsEntry("reason", "request 2026-121");
    assertThat(event.revision()).isEqualTo(last.info().number());
  }

  @Test
  public void aUserHoldingOpenOrdersIsNotErased() {
    start();
    EngineFixture.Fleet fleet = EngineFixture.fleet(admin);
    EngineFixture.device(admin, fleet, "M1", 1, 2);
    ServiceOrder order = admin.serviceOrders().create(
        CreateServiceOrder.forRoute(fleet.route().id()));
    admin.serviceOrders().assign(order.id(), dave.id());
    Snapshot before = snapshot();

    assertThatThrownBy(() -> admin.users().erase(dave.id(), "request 2026-122"))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("dave").hasMessageContaining("open")
        .hasMessageContaining(order.number());
    assertThat(snapshot()).isEqualTo(before);
    assertThat(byEmail(DAVE_NOW)).map(User::id).contains(dave.id());
  }

  @Test
  public void theLastActiveAdministratorIsNotErased() {
    start();
    Snapshot before = snapshot();

    assertThatThrownBy(() -> admin.users().erase(olga.id(), "request 2026-123"))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("olga").hasMessageContaining("last active administrator");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(admin.users().get(olga.id()).email()).isEqualTo("olga@example.com");
  }

  @Test
  public void aMissingOrBlankReasonIsRefused() {
    start();
    Snapshot before = snapshot();

    for (String reason : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> admin.users().erase(dave.id(), reason))
          .as("reason %s", reason).isInstanceOf(ValidationException.class)
          .hasMessageContaining("reason");
    }
    assertThat(snapshot()).isEqualTo(before);
    assertThat(admin.users().get(dave.id()).email()).isEqualTo(DAVE_NOW);
  }

  @Test
  public void anErasedUserIsNotErasedAgain() {
    start();
    admin.users().erase(dave.id(), "request 2026-124");
    Snapshot before = snapshot();

    assertThatThrownBy(() -> admin.users().erase(dave.id(), "request 2026-125"))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("dave").hasMessageContaining("erased already");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void onlyAnActiveAdministratorErases() {
    start();
    User manager = admin.users().create(new CreateUser("mia", "mia@example.com", Role.MANAGER));
    User other = admin.users().create(new CreateUser("ada", "ada@example.com", Role.ADMIN));
    admin.users().deactivate(other.id());
    Snapshot before = snapshot();

    for (User who : List.of(manager, dave, other)) {
      assertThatThrownBy(() -> engine.as(Actor.user(who.id())).users()
          .erase(dave.id(), "request 2026-126"))
          .as(who.username()).isInstanceOf(PermissionDeniedException.class)
          .hasMessageContaining("user.erase");
    }
    assertThat(snapshot()).isEqualTo(before);
    assertThatThrownBy(() -> admin.users().erase(UUID.randomUUID(), "request 2026-127"))
        .isInstanceOf(NotFoundException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  /** Everything history shows of a user: every state and every change, as text. */
  private String historyText(UUID id) {
    StringBuilder text = new StringBuilder();
    for (HistoryEntry e : admin.history().history(AuditedType.USER, id)) {
      text.append(e).append('\n');
      text.append(admin.history().asOf(AuditedType.USER, id, e.info().at())).append('\n');
    }
    return text.toString();
  }

  /** RFC 9162 §2.1.3.2, transcribed as an independent oracle of the proof. */
  private static boolean included(InclusionProof proof, Checkpoint checkpoint) {
    HexFormat hex = HexFormat.of();
    byte[] r = sha(new byte[] {0}, proof.content().getBytes(StandardCharsets.UTF_8));
    long fn = proof.seq() - 1;
    long sn = checkpoint.size() - 1;
    if (fn > sn || proof.treeSize() != checkpoint.size()) {
      return false;
    }
    for (String step : proof.auditPath()) {
      byte[] p = hex.parseHex(step);
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = sha(new byte[] {1}, p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = sha(new byte[] {1}, r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, hex.parseHex(checkpoint.rootHash()));
  }

  private static byte[] sha(byte[]... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        sha.update(part);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
