package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.error.ConflictException;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.stability.Experimental;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of the {@code Users} port: users found by username, email and first active
 * role, with username and email unique among live users.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface UsersContract extends StoreUnderTest {
  @Test
  default void usersAreFoundByUsernameEmailAndFirstActiveRoleAndBothAreUniqueAmongLiveUsers() {
    User first = write("user.create", () -> store().users().add(Kit.user("ann", "ann@example.com",
        Role.ADMIN, false)));
    User second = write("user.create", () -> store().users().add(Kit.user("bob", "bob@example.com",
        Role.ADMIN, true)));

    assertThat(read(() -> store().users().findByUsername("ann"))).contains(first);
    assertThat(read(() -> store().users().findByEmail("bob@example.com"))).contains(second);
    assertThat(read(() -> store().users().findFirstActive(Role.ADMIN))).contains(second);
    assertThat(read(() -> store().users().findFirstActive(Role.DRIVER))).isEmpty();
    assertThatThrownBy(() -> write("user.create", () -> store().users().add(Kit.user("ann",
        "other@example.com", Role.VIEWER, true)))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("username");
    assertThatThrownBy(() -> write("user.create", () -> store().users().add(Kit.user("cid",
        "bob@example.com", Role.VIEWER, true)))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("email");
    assertThat(read(() -> store().users().find(Criteria.where("role", Criteria.Operator.EQ,
        "ADMIN").and("active", Criteria.Operator.EQ, true), PageRequest.of(0, 10),
        Visibility.LIVE)).items()).extracting(User::username).containsExactly("bob");
  }

  private <T> T write(String action, Supplier<T> work) {
    return Kit.write(store(), action, work);
  }

  private <T> T read(Supplier<T> work) {
    return Kit.read(store(), work);
  }
}
