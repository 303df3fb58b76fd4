package dev.restock.web.console;

import dev.restock.api.RestockSession;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.port.in.ManageAggregate;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.DeletionInfo;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.user.User;
import dev.restock.web.AuditedTypes;
import dev.restock.web.RequestSessions;
import dev.restock.web.security.RestockPrincipal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * History pages: {@code /history} (pick a type and an id; the newest audit events),
 * {@code /history/{type}/{id}} (revisions newest first with who, when, why, client address,
 * request id and field diffs; {@code ?at=<instant>} adds the entity's state at that time), and
 * {@code /history/{type}/deleted} (soft-deleted entities of a type, a page at a time, with who
 * deleted them, and a restore button for whom the engine's access policy lets restore them).
 * Types are {@link AuditedType} labels.
 */
@Controller
public class HistoryController {
  private static final int RECENT_EVENTS = 50;
  private final RequestSessions sessions;

  HistoryController(RequestSessions sessions) {
    this.sessions = sessions;
  }

  /** One revision as the page shows it: the entry and the actor's name. */
  public record HistoryRow(HistoryEntry entry, String who) {}

  /** One audit event with the actor's name and, when it has one, its history page's type. */
  public record AuditEventRow(AuditEvent event, String who, String type) {}

  /** One deleted entity: its key, its deletion (may be null) and the deleter's name. */
  public record DeletedRow(UUID id, String key, DeletionInfo deletion, String who) {}

  /** The start page: a type-and-id form and the latest audit events. */
  @GetMapping("/history")
  String index(@RequestParam(required = false) String type,
      @RequestParam(required = false) String id, Model model) {
    if (type != null && id != null && !id.isBlank()) {
      AuditedType t = AuditedTypes.of(type);
      return "redirect:/history/" + t.label() + "/" + uuid(id.strip(), "id");
    }
    RestockSession session = sessions.current();
    // no sort keys: newest first, one page read
    List<AuditEvent> events = session.history().events(Criteria.all(),
        PageRequest.of(0, RECENT_EVENTS)).items();
    Map<UUID, String> names = new HashMap<>();
    List<AuditEventRow> rows = events.stream().map(e -> new AuditEventRow(e,
        names.computeIfAbsent(e.actorId(), a -> who(session, a)),
        e.resourceId() == null ? null
            : AuditedType.byLabel(e.resourceType()).map(AuditedType::label).orElse(null)))
        .toList();
    model.addAttribute("types", Arrays.stream(AuditedType.values()).map(AuditedType::label)
        .toList());
    model.addAttribute("deletable", Arrays.stream(AuditedType.values())
        .filter(AuditedTypes::deletable).map(AuditedType::label).toList());
    model.addAttribute("events", rows);
    return "history";
  }

  /** Revisions of one entity, newest first, and its state at {@code at} when given. */
  @GetMapping("/history/{type}/{id}")
  String entity(@PathVariable String type, @PathVariable String id,
      @RequestParam(required = false) String at, Model model) {
    AuditedType audited = AuditedTypes.of(type);
    UUID uuid = uuid(id, "id");
    RestockSession session = sessions.current();
    List<HistoryEntry> entries = new ArrayList<>(session.history().history(audited, uuid));
    Collections.reverse(entries);
    Map<UUID, String> names = new HashMap<>();
    model.addAttribute("type", audited.label());
    model.addAttribute("id", uuid);
    model.addAttribute("rows", entries.stream().map(e -> new HistoryRow(e,
        names.computeIfAbsent(e.info().actorId(), a -> who(session, a)))).toList());
    if (at != null && !at.isBlank()) {
      Instant instant = instant(at.strip());
      model.addAttribute("at", instant);
      try {
        EntityRevision state = session.history().asOf(audited, uuid, instant);
        model.addAttribute("asOf", state);
        model.addAttribute("asOfState", new TreeMap<>(state.state()));
      } catch (NotFoundException e) {
        model.addAttribute("asOfMissing", e.getMessage());
      }
    }
    return "history-entity";
  }

  /**
   * The soft-deleted entities of one type, a page at a time ({@code page}, zero-based, and
   * {@code size}, 1..{@value PageRequest#MAX_SIZE}, default {@value RecordsPages#DEFAULT_SIZE};
   * a problem with either, or a page past the last, is the engine's 422 error page), with their
   * deletion and a restore button for whom the engine lets restore them.
   */
  @GetMapping("/history/{type}/deleted")
  String deleted(@PathVariable String type, @RequestParam(required = false) String page,
      @RequestParam(required = false) String size, Model model) {
    AuditedType audited = AuditedTypes.of(type);
    PageRequest request = RecordsPages.request(page, size);
    RestockSession session = sessions.current();
    ManageAggregate<? extends Aggregate, ?, ?> management =
        AuditedTypes.management(session, audited);
    Page<? extends Aggregate> result = management.list(request, Visibility.ONLY_DELETED);
    RecordsPages.requireInRange(result);
    List<? extends Aggregate> items = result.items();
    Map<UUID, DeletionInfo> deletions = session.history().deletions(audited,
        items.stream().map(Aggregate::id).toList());
    Map<UUID, String> names = new HashMap<>();
    List<DeletedRow> rows = items.stream().map(a -> {
      DeletionInfo d = deletions.get(a.id());
      return new DeletedRow(a.id(), key(a), d,
          d == null ? "" : names.computeIfAbsent(d.info().actorId(), x -> who(session, x)));
    }).toList();
    model.addAttribute("type", audited.label());
    model.addAttribute("rows", rows);
    model.addAttribute("page", result.page());
    model.addAttribute("size", result.size());
    model.addAttribute("pages", result.pages());
    model.addAttribute("total", result.total());
    model.addAttribute("hasNext", result.page() + 1L < result.pages());
    model.addAttribute("canRestore", mayRestore(session, audited));
    return "history-deleted";
  }

  /**
   * Whether the signed-in person may restore entities of {@code type}, by the engine's access
   * policy ({@code <type>.restore}): an active ADMIN everything, an active MANAGER everything but
   * users, DRIVER and VIEWER nothing. The role is the Restock user's now, read from the engine,
   * not the one at sign-in; the engine checks again on restore.
   */
  static boolean mayRestore(RestockSession session, AuditedType type) {
    RestockPrincipal me = RequestSessions.principal();
    if (me == null) {
      return false;
    }
    User user;
    try {
      user = session.users().get(me.userId());
    } catch (NotFoundException e) {
      return false;
    }
    if (!user.active()) {
      return false;
    }
    return switch (user.role()) {
      case ADMIN -> true;
      case MANAGER -> type != AuditedType.USER;
      case DRIVER, VIEWER -> false;
    };
  }

  /** Restores a soft-deleted entity (the engine checks the permission), back to the list. */
  @PostMapping("/history/{type}/{id}/restore")
  String restore(@PathVariable String type, @PathVariable String id,
      @RequestParam(required = false) String reason, RedirectAttributes redirect) {
    AuditedType audited = AuditedTypes.of(type);
    UUID uuid = uuid(id, "id");
    RestockSession session = sessions.current(
        reason == null || reason.isBlank() ? "restored in the console" : reason);
    Aggregate restored = AuditedTypes.management(session, audited).restore(uuid);
    redirect.addFlashAttribute("restored", key(restored));
    return "redirect:/history/" + audited.label() + "/deleted";
  }

  /** The name of an actor: the user's username, {@code system}, or the id. */
  static String who(RestockSession session, UUID actor) {
    if (Actor.SYSTEM_ID.equals(actor)) {
      return "system";
    }
    try {
      User user = session.users().get(actor);
      return user.username();
    } catch (NotFoundException e) {
      return actor.toString();
    }
  }



  private static String key(Aggregate a) {
    if (a instanceof Product p) {
      return p.sku() + " · " + p.name();
    } else if (a instanceof Route r) {
      return r.code() + " · " + r.name();
    } else if (a instanceof Device d) {
      return d.serialNumber() + " · " + d.name();
    } else if (a instanceof User u) {
      return u.username();
    } else if (a instanceof Location l) {
      return l.name();
    } else if (a instanceof DeviceType t) {
      return t.name();
    } else if (a instanceof CabinetType t) {
      return t.name();
    } else if (a instanceof Planogram p) {
      return p.name();
    }
    return a.id().toString();
  }


  private static UUID uuid(String text, String field) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(field, "must be a UUID (was '" + text + "')");
    }
  }

  /** An ISO-8601 instant, or a local date-time (as a datetime-local input sends) in UTC. */
  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw ValidationException.of("at", "must be an instant like 2026-01-31T12:00:00Z (was '"
            + text + "')");
      }
    }
  }
}
