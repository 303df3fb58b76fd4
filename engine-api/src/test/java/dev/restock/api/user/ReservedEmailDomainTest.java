package dev.restock.api.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restock.api.error.ValidationException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The erased users' email domain is reserved: no command may write an email in it. */
class ReservedEmailDomainTest {
  private static final String FAKE = User.erasedEmail(UUID.randomUUID());

  @Test
  void createUserRefusesAnEmailInTheErasedDomainNamingEmail() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> new CreateUser("mallory", FAKE, Role.DRIVER));
    assertThat(e).isNotNull();
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("email");
      assertThat(v.message()).contains(User.ERASED_EMAIL_DOMAIN).contains("reserved");
    });
  }

  @Test
  void updateUserRefusesItInAnyCaseAndAsASubdomain() {
    for (String email : new String[] {FAKE, "x@ERASED.Invalid", "x@sub.erased.invalid"}) {
      ValidationException e = catchThrowableOfType(ValidationException.class,
          () -> new UpdateUser(email, null, null));
      assertThat(e).as(email).isNotNull();
      assertThat(e.violations()).as(email).singleElement()
          .satisfies(v -> assertThat(v.field()).isEqualTo("email"));
    }
  }

  @Test
  void aLookAlikeDomainIsStillAnEmail() {
    assertThat(new CreateUser("ann", "ann@not-erased.invalid.example.com", Role.DRIVER).email())
        .isEqualTo("ann@not-erased.invalid.example.com");
    assertThat(new UpdateUser("ann@xerased.invalid", null, null).email())
        .isEqualTo("ann@xerased.invalid");
  }
}
