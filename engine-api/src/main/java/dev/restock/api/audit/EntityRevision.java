package dev.restock.api.audit;

import dev.restock.api.stability.Stable;
import java.util.Map;

/**
 * The state of one entity as written by one revision.
 *
 * <h2 id="state">State keys</h2>
 * A state holds the entity's business fields (no audit stamp, no version), by field name, values
 * rendered as text: amounts with two decimals ({@code 1.20}), ids, enums by name, booleans as
 * {@code true}/{@code false}, times in ISO-8601; a field without a value is left out. Keys by
 * {@link AuditedType}:
 * <ul>
 *   <li>{@code PRODUCT}: {@code sku}, {@code name}, {@code category}, {@code price}, {@code
 *       casePack}, {@code active}
 *   <li>{@code LOCATION}: {@code name}, {@code address}; {@code ROUTE}: {@code code}, {@code
 *       name}, {@code visitIntervalDays}
 *   <li>{@code DEVICE_TYPE}: {@code name}, {@code maxCabinets}; {@code CABINET_TYPE}: {@code name}
 *   <li>{@code DEVICE}: {@code name}, {@code serialNumber}, {@code locationId}, {@code routeId},
 *       {@code deviceTypeId}
 *   <li>{@code CABINET}: {@code deviceId}, {@code index}, {@code cabinetTypeId}, {@code rows},
 *       {@code columns}, and {@code restoredAt} once the cabinet was restored
 *   <li>{@code SLOT}: {@code planogramId}, {@code position}, {@code productId}, {@code capacity},
 *       {@code parLevel}, {@code quantity}, {@code price}, and {@code restoredAt} once restored
 *   <li>{@code PLANOGRAM}: {@code cabinetId}, {@code name}, {@code active}, and one {@code
 *       slot[<position>]} key per slot (e.g. {@code slot[B1]}) whose value is {@code
 *       product=<id>, capacity=<n>, par=<n>, quantity=<n>}, followed by {@code , price=<amount>}
 *       when the slot has a price of its own
 *   <li>{@code USER}: {@code username}, {@code email}, {@code role}, {@code active}
 *   <li>{@code SERVICE_ORDER}: {@code number}, {@code routeId}, {@code driverId}, {@code status},
 *       {@code strategyId}, {@code estimatedMinutes}, {@code deliveryNoteId}, {@code notes}; one
 *       {@code visit[<device name> #<cabinet index>]} key per visit, valued {@code
 *       status=<status>} with {@code , notes=<text>} and {@code , completedAt=<time>} when set;
 *       and one {@code line[<device name> #<cabinet index>/<position>]} key per order line,
 *       valued {@code product=<id>, planned=<n>} with {@code , delivered=<n>} once delivered
 *   <li>{@code STOCK} (keyed by the product's id): {@code productId}, {@code onHand}
 * </ul>
 * The kit reads {@code name}, {@code price}, {@code position}, {@code quantity}, {@code slot[..]},
 * {@code visit[..]} and {@code line[..]}; the other keys are what both bundled stores write, and
 * what history diffs name.
 *
 * @param info the revision
 * @param kind what the revision did to the entity
 * @param state audited fields and their values rendered as text (null values omitted; see <a
 *     href="#state">state keys</a>); for a {@link RevisionKind#DELETED} revision, the last state
 *     before deletion
 */
@Stable(since = "0.1")
public record EntityRevision(RevisionInfo info, RevisionKind kind, Map<String, String> state) {
  public EntityRevision {
    state = Map.copyOf(state);
  }
}
