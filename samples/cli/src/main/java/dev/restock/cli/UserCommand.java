package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Parameters;

@Command(name = "user", description = "Users and their roles.",
    subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class,
        UserCommand.Deactivate.class, UserCommand.Erase.class})
final class UserCommand {

  @Command(name = "add", description = "Add a user. On a database that has never had an "
      + "administrator, the first ADMIN is added without --as (the bootstrap); after that only "
      + "an active administrator may add one.")
  static final class Add extends EngineCommand.Writing {
    @Option(names = "--username", required = true,
        description = "The new user's username, unique among live users.") String username;
    @Option(names = "--email", required = true,
        description = "The new user's e-mail address.") String email;
    @Option(names = "--role", required = true, description = "ADMIN, MANAGER, DRIVER or VIEWER.")
    Role role;

    @Override
    void run(Restock engine) {
      // without --as, adding an administrator is the bootstrap and nothing else: the engine
      // decides atomically whether it is still open and refuses the system actor once any
      // administrator has existed. Acting as the first administrator instead would let a
      // command that lost the race to the first bootstrap make a second administrator.
      boolean bootstrap = as == null && role == Role.ADMIN;
      RestockSession session = bootstrap
          ? engine.as(Actor.system().withReason("first administrator")) : writer(engine);
      User user = session.users().create(new CreateUser(username, email, role));
      print(user, () -> out().println("added " + user.username() + " (" + user.role() + ") "
          + user.id()));
    }
  }

  @Command(name = "list", description = "Live users, by username.")
  static final class ListUsers extends EngineCommand {
    @Mixin Paging paging;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      Page<User> users = read(paging, request -> session.users().list(request, Visibility.LIVE));
      printPage(users, () -> {
        Table t = newTable("USERNAME", "EMAIL", "ROLE", "ACTIVE", "ID");
        users.items().forEach(u -> t.row(u.username(), u.email(), u.role(),
            u.active() ? "yes" : "no", u.id()));
        print(t);
      });
    }
  }

  @Command(name = "deactivate", description = "Deactivate a user (refused while they hold open "
      + "service orders).")
  static final class Deactivate extends EngineCommand.Writing {
    @Parameters(index = "0", paramLabel = "USERNAME",
        description = "The user to deactivate.") String username;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      User user = session.users().deactivate(session.users().getByUsername(username).id());
      print(user, () -> out().println("deactivated " + user.username()));
    }
  }

  @Command(name = "erase", description = "Erase a person's personal data on request "
      + "(data-protection erasure): their e-mail becomes unreadable everywhere, history and "
      + "future backups included, and cannot be recovered; they stay, inactive, under their "
      + "username as a pseudonym, and 'audit verify' and earlier proofs stay valid. Only an "
      + "active administrator may erase, with --reason, which history keeps. Refused while they "
      + "hold open service orders, for the last active administrator, and for a user erased "
      + "already.")
  static final class Erase extends EngineCommand.Writing {
    @Parameters(index = "0", paramLabel = "USER",
        description = "The user to erase: a live user's username, or the id of any user "
            + "(a deleted one too).") String user;

    @Override
    void run(Restock engine) {
      String why = requiredReason();
      RestockSession session = writer(engine);
      User erased = session.users().erase(id(session), why);
      print(erased, () -> out().println("erased " + erased.username() + " " + erased.id()
          + ": e-mail now " + erased.email()));
    }

    /** A live user by username, else the one deleted user of that name, else by id. */
    private UUID id(RestockSession session) {
      try {
        return UUID.fromString(user);
      } catch (IllegalArgumentException notAnId) {
        try {
          return session.users().getByUsername(user).id();
        } catch (NotFoundException notLive) {
          // usernames are unique among live users only: several deleted ones may share one
        }
        List<User> named = session.users().find(Criteria.where("username",
            Criteria.Operator.EQ, user), PageRequest.of(0, 2), Visibility.ONLY_DELETED)
            .items();
        if (named.size() > 1) {
          throw new RestockCli.UsageException("several deleted users are named " + user
              + "; give the id of the one to erase ('restock deleted user' lists them)");
        }
        return named.stream().findFirst().map(User::id)
            .orElseThrow(() -> new NotFoundException("user", user));
      }
    }
  }
}
