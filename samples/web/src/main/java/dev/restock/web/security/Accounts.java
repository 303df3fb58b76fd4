package dev.restock.web.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * The host's own accounts table ({@code web_account}): a username, the password's hash (Spring
 * Security's encoded form, bcrypt by default) and the Restock user it signs in as. Restock never
 * sees a password; it knows users and their roles.
 */
@Repository
public class Accounts {
  /** The longest password bcrypt hashes whole, in UTF-8 bytes; longer ones are refused. */
  public static final int PASSWORD_MAX_BYTES = 72;

  /** One account row. */
  public record Account(String username, String passwordHash, UUID userId) {}

  private final JdbcTemplate jdbc;
  private final PasswordEncoder encoder;

  Accounts(JdbcTemplate jdbc, PasswordEncoder encoder) {
    this.jdbc = jdbc;
    this.encoder = encoder;
  }

  /** The account of {@code username}, if there is one. */
  public Optional<Account> find(String username) {
    List<Account> rows = jdbc.query(
        "select username, password_hash, user_id from web_account where username = ?",
        (rs, i) -> new Account(rs.getString(1), rs.getString(2),
            UUID.fromString(rs.getString(3))), username);
    return rows.stream().findFirst();
  }

  /** Adds an account for Restock user {@code userId}, storing only the password's hash. */
  public void add(String username, String password, UUID userId) {
    jdbc.update("insert into web_account (username, password_hash, user_id) values (?, ?, ?)",
        username, encoder.encode(password), userId.toString());
  }

  /** Whether any account exists (a first start has none). */
  public boolean isEmpty() {
    Integer n = jdbc.queryForObject("select count(*) from web_account", Integer.class);
    return n == null || n == 0;
  }
}
