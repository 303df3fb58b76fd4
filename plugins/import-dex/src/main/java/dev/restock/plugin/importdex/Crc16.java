package dev.restock.plugin.importdex;

import java.util.Locale;

/** CRC-16/ARC (reflected polynomial 0xA001, initial 0), the checksum of DEX's G85 segment. */
final class Crc16 {
  private Crc16() {}

  static int update(int crc, String latin1) {
    int c = crc;
    for (int i = 0; i < latin1.length(); i++) {
      c ^= latin1.charAt(i) & 0xff;
      for (int bit = 0; bit < 8; bit++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ 0xA001 : c >>> 1;
      }
    }
    return c;
  }

  static String hex(int crc) {
    return String.format(Locale.ROOT, "%04X", crc & 0xffff);
  }
}
