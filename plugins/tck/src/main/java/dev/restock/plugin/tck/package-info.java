/**
 * The Restock technology compatibility kit: abstract JUnit Jupiter suites that plugin authors
 * extend to prove their pick-list strategies and visit policies keep the SPI contracts.
 */
package dev.restock.plugin.tck;
