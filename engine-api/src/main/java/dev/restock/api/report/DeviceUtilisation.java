package dev.restock.api.report;

import dev.restock.api.stability.Experimental;
import java.util.UUID;

/** One live device with its number of live cabinets, location and route (seed 000's report). */
@Experimental(since = "0.1")
public record DeviceUtilisation(
    UUID deviceId, String deviceName, int cabinetCount, String locationName, String routeName) {}
