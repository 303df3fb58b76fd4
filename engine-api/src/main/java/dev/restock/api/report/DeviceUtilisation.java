package dev.restock.api.report;

import dev.restock.api.stability.Experimental;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One live device with its number of live cabinets, location and route: a line of the device
 * utilisation report.
 */
@Experimental(since = "0.1")
public record DeviceUtilisation(
    UUID deviceId, String deviceName, int cabinetCount, @Nullable String locationName, @Nullable String routeName) {}
