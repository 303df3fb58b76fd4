package dev.restock.web.api;

import dev.restock.api.error.ConflictException;
import dev.restock.api.query.Page;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.web.security.Accounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Restock users, and the host's accounts that sign in as them. Who may add users is the
 * engine's decision: administrators only.
 */
@RestController
@Tag(name = "Users and accounts", description = "Restock users and the host's sign-in accounts")
public class UserApi {
  /** The shortest password an account accepts. */
  public static final int PASSWORD_MIN = 8;

  private final ApiSupport api;
  private final Accounts accounts;

  UserApi(ApiSupport api, Accounts accounts) {
    this.api = api;
    this.accounts = accounts;
  }

  /** A new Restock user. */
  public record UserBody(String username, String email, Role role) {}

  /** A new account: a Restock user of that username and role, and the password to sign in. */
  public record AccountBody(String username, String email, Role role, String password) {
    /** Never shows the password (request bodies may be logged at debug level). */
    @Override
    public String toString() {
      return "AccountBody[username=" + username + ", email=" + email + ", role=" + role
          + ", password=***]";
    }
  }

  /** A page of users. */
  @GetMapping("/api/users")
  @Operation(summary = "List users")
  public Page<User> users(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return api.session().users().list(ApiSupport.page(page, size));
  }

  /** One live user. */
  @GetMapping("/api/users/{id}")
  @Operation(summary = "Get a user")
  public User user(@PathVariable UUID id) {
    return api.session().users().get(id);
  }

  /** Adds a Restock user without an account (administrators only): 201. */
  @PostMapping("/api/users")
  @Operation(summary = "Create a user (administrators)")
  public ResponseEntity<User> create(@RequestBody UserBody body) {
    CreateUser command = new CreateUser(body.username(), body.email(), body.role());
    User user = api.session().users().create(command);
    return ApiSupport.created("/api/users", user.id(), user);
  }

  /**
   * Adds a Restock user and a host account for it with a password (stored hashed only);
   * administrators only: 201 with the user; 409 when the username has an account already. Both
   * writes are one Spring transaction, which the engine joins (the starter's
   * {@code restock.join-transactions}): when the account row cannot be written, the user is not
   * created either.
   */
  @PostMapping("/api/accounts")
  @Transactional
  @Operation(summary = "Create a Restock user with a sign-in account (administrators)")
  public ResponseEntity<User> createAccount(@RequestBody AccountBody body) {
    Commands c = new Commands();
    CreateUser command = c.part("", () -> new CreateUser(body.username(), body.email(),
        body.role()));
    if (body.password() == null || body.password().length() < PASSWORD_MIN) {
      c.add("password", "must have at least " + PASSWORD_MIN + " characters");
    } else if (body.password().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        > Accounts.PASSWORD_MAX_BYTES) {
      c.add("password", "must be at most " + Accounts.PASSWORD_MAX_BYTES
          + " bytes in UTF-8 (bcrypt reads no further)");
    }
    c.throwIfAny();
    if (accounts.find(command.username()).isPresent()) {
      throw new ConflictException("an account named " + command.username() + " exists");
    }
    User user = api.session().users().create(command);
    accounts.add(user.username(), body.password(), user.id());
    return ApiSupport.created("/api/users", user.id(), user);
  }
}
