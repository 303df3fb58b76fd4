/**
 * Machine reads: the audit files a vending machine's controller writes (DEX/EVA-DTS and the like),
 * their cumulative counters, the sales derived from consecutive reads and the cash they should
 * account for. Parsing is a plugin's job ({@link dev.restock.api.spi.ReadParser}); the engine maps
 * selections to slots, derives the sales and keeps each read ({@link
 * dev.restock.api.reads.port.out.MachineReads}).
 */
@org.jspecify.annotations.NullMarked
package dev.restock.api.reads;
