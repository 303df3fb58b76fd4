package dev.restock.web.api;

import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.port.in.PickListPreview;
import dev.restock.api.query.Page;
import dev.restock.api.query.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Routes (with their pick-list preview), locations, device types and cabinet types. */
@RestController
@Tag(name = "Fleet", description = "Routes, locations, device types and cabinet types")
public class FleetApi {
  private final ApiSupport api;

  FleetApi(ApiSupport api) {
    this.api = api;
  }

  /** A new route; {@code visitIntervalDays} defaults to 7. */
  public record RouteBody(String code, String name, Integer visitIntervalDays) {}

  /** A new location. */
  public record LocationBody(String name, String address) {}

  /** A new device type. */
  public record DeviceTypeBody(String name, Integer maxCabinets) {}

  /** A new cabinet type. */
  public record CabinetTypeBody(String name) {}

  /** A page of routes. */
  @GetMapping("/api/routes")
  @Operation(summary = "List routes")
  public Page<Route> routes(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(defaultValue = "LIVE") Visibility visibility) {
    return api.session().routes().list(ApiSupport.page(page, size), visibility);
  }

  /** One live route. */
  @GetMapping("/api/routes/{id}")
  @Operation(summary = "Get a route")
  public Route route(@PathVariable UUID id) {
    return api.session().routes().get(id);
  }

  /** Creates a route: 201. */
  @PostMapping("/api/routes")
  @Operation(summary = "Create a route")
  public ResponseEntity<Route> createRoute(@RequestBody RouteBody body) {
    CreateRoute command = new CreateRoute(body.code(), body.name(), body.visitIntervalDays());
    Route route = api.session().routes().create(command);
    return ApiSupport.created("/api/routes", route.id(), route);
  }

  /**
   * What the route needs today (or on {@code date}) under a strategy, without writing anything.
   *
   * @param strategy a pick-list strategy id; default {@value PickListPreview#DEFAULT_STRATEGY}
   */
  @GetMapping("/api/routes/{id}/pick-list")
  @Operation(summary = "Preview a route's pick list (optionally with a strategy and date)")
  public PickList pickList(@PathVariable UUID id,
      @RequestParam(required = false) String strategy,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate date) {
    String strategyId = strategy == null || strategy.isBlank()
        ? PickListPreview.DEFAULT_STRATEGY : strategy;
    var pickLists = api.session().pickLists();
    return date == null ? pickLists.preview(id, strategyId)
        : pickLists.preview(id, strategyId, date);
  }

  /** A page of locations. */
  @GetMapping("/api/locations")
  @Operation(summary = "List locations")
  public Page<Location> locations(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return api.session().locations().list(ApiSupport.page(page, size));
  }

  /** Creates a location: 201. */
  @PostMapping("/api/locations")
  @Operation(summary = "Create a location")
  public ResponseEntity<Location> createLocation(@RequestBody LocationBody body) {
    CreateLocation command = new CreateLocation(body.name(), body.address());
    Location location = api.session().locations().create(command);
    return ApiSupport.created("/api/locations", location.id(), location);
  }

  /** A page of device types. */
  @GetMapping("/api/device-types")
  @Operation(summary = "List device types")
  public Page<DeviceType> deviceTypes(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return api.session().deviceTypes().list(ApiSupport.page(page, size));
  }

  /** Creates a device type: 201. */
  @PostMapping("/api/device-types")
  @Operation(summary = "Create a device type")
  public ResponseEntity<DeviceType> createDeviceType(@RequestBody DeviceTypeBody body) {
    CreateDeviceType command = new CreateDeviceType(body.name(), body.maxCabinets());
    DeviceType type = api.session().deviceTypes().create(command);
    return ApiSupport.created("/api/device-types", type.id(), type);
  }

  /** A page of cabinet types. */
  @GetMapping("/api/cabinet-types")
  @Operation(summary = "List cabinet types")
  public Page<CabinetType> cabinetTypes(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return api.session().cabinetTypes().list(ApiSupport.page(page, size));
  }

  /** Creates a cabinet type: 201. */
  @PostMapping("/api/cabinet-types")
  @Operation(summary = "Create a cabinet type")
  public ResponseEntity<CabinetType> createCabinetType(@RequestBody CabinetTypeBody body) {
    CreateCabinetType command = new CreateCabinetType(body.name());
    CabinetType type = api.session().cabinetTypes().create(command);
    return ApiSupport.created("/api/cabinet-types", type.id(), type);
  }
}
