package dev.restock.plugin.importdex;

import dev.restock.api.reads.MachineRead;
import dev.restock.api.reads.ReadFile;
import dev.restock.api.spi.ReadParser;
import dev.restock.api.stability.Experimental;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code dex} format: EVA-DTS / DEX-UCS audit files as vending machine controllers write
 * them. One read per transaction set ({@code ST..SE}); a file may hold several, in one or several
 * {@code DXS..DXE} transmissions.
 *
 * <p>What a read takes from the file (amounts are whole minor units in the file, scaled by
 * {@code ID401}, the decimal point position, 2 when absent):
 *
 * <ul>
 *   <li>machine serial: {@code ID101}; when it is empty or a placeholder (it has digits and all
 *       are 0, such as {@code 0000000000} or {@code RHV0000000000}), the transmission's
 *       communication id {@code DXS01} instead;
 *   <li>read time: {@code EA302}/{@code EA303} (date and time of this read), else {@code
 *       ID501}/{@code ID502} (the machine's clock), as local times in the zone given to the
 *       constructor (plugin setting {@code import-dex.zone}, UTC by default); none: null;
 *   <li>selections: {@code PA101} code, {@code PA102} price, then from the {@code PA2} that must
 *       follow: {@code PA201} paid vends and {@code PA202} their value, both since
 *       initialisation;
 *   <li>money: {@code VA101}/{@code VA102} all paid sales value and count, {@code CA201}/{@code
 *       CA202} cash sales value and count, {@code CA305} cash in, {@code CA403 + CA404} cash out
 *       (change and manual dispense), {@code CA1501} value in the change tubes, {@code
 *       DA201}/{@code DA202} cashless sales value and count; all since initialisation, so a
 *       file that only has the since-reset elements of CA3 or CA4 leaves those counters null.
 * </ul>
 *
 * <p>A file is refused whole, with a {@link dev.restock.api.error.ValidationException} naming
 * every problem at {@code <file name>:<line>}, when it is empty, binary, truncated (a
 * transaction set without {@code SE}, a transmission without {@code DXE}, a segment count in
 * {@code SE01} other than the segments seen when no verified checksum vouches for the content)
 * or corrupted (a {@code G85} CRC-16 that does not match, a counter that is not a whole number
 * or is negative, an impossible date or decimal point position, a {@code PA2} without its
 * {@code PA1} or a {@code PA1} without its {@code PA2}, a repeated selection, a missing {@code
 * ID1}). A complete file without {@code PA} segments is a read with no selections.
 *
 * <p>Stateless and thread-safe.
 */
@Experimental(since = "0.2")
public final class DexReadParser implements ReadParser {
  /** This format's id. */
  public static final String ID = "dex";

  private final ZoneId zone;

  /** Local times in the files are UTC. */
  public DexReadParser() {
    this(ZoneOffset.UTC);
  }

  /** Local times in the files (EA3, ID5) are in {@code zone}, the machines' clock zone. */
  public DexReadParser(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<MachineRead> parse(ReadFile file) {
    Objects.requireNonNull(file, "file");
    Problems problems = new Problems(file.name());
    // ISO-8859-1 maps every byte to one char: garbage is reported where it is, never decoded away
    String text = new String(file.content(), StandardCharsets.ISO_8859_1);
    DexLexer.Lexed lexed = DexLexer.lex(text, problems);
    List<MachineRead> reads = new ArrayList<>();
    if (lexed != null) {
      new Transmission(problems, zone, lexed.terminator()).read(lexed.segments(), reads);
    }
    problems.throwIfAny();
    return List.copyOf(reads);
  }

  /** The envelope: DXS, ST..SE sets, checksums and counts, DXE. */
  private static final class Transmission {
    private final Problems problems;
    private final ZoneId zone;
    private final String terminator;
    private DexSegment dxs; // the open transmission, null outside one
    private int setsInTransmission;
    private DexSegment st; // the open transaction set, null outside one
    private final List<DexSegment> setSegments = new ArrayList<>();
    private DexReadBuilder builder;
    private int problemsAtSt;
    private Boolean checksumOk; // null: no G85 in the set

    Transmission(Problems problems, ZoneId zone, String terminator) {
      this.problems = problems;
      this.zone = zone;
      this.terminator = terminator;
    }

    void read(List<DexSegment> segments, List<MachineRead> reads) {
      boolean started = false;
      boolean ended = false;
      DexSegment last = null;
      for (DexSegment s : segments) {
        last = s;
        switch (s.tag()) {
          case "DXS" -> {
            if (st != null) {
              unfinishedSet(s);
            }
            if (dxs != null) {
              problems.at(s.line(), "DXS before the DXE of the transmission started at line "
                  + dxs.line() + ": that transmission is truncated");
            }
            dxs = s;
            setsInTransmission = 0;
            started = true;
            ended = false;
          }
          case "ST" -> {
            if (st != null) {
              unfinishedSet(s);
            }
            if (ended) {
              problems.at(s.line(), "ST after DXE without a new DXS header");
            }
            started = true;
            openSet(s);
          }
          case "SE" -> {
            if (st == null) {
              problems.at(s.line(), "SE without an ST before it");
            } else {
              closeSet(s, reads);
            }
          }
          case "DXE" -> {
            if (st != null) {
              unfinishedSet(s);
            }
            if (dxs == null) {
              problems.at(s.line(), "DXE without a DXS header before it");
            } else {
              String count = s.element(2).strip();
              if (!count.isEmpty() && !count.equals(String.valueOf(setsInTransmission))) {
                problems.at(s.line(), "DXE02 says " + count + " transaction sets but the "
                    + "transmission started at line " + dxs.line() + " has "
                    + setsInTransmission + ": sets are missing or extra");
              }
            }
            dxs = null;
            ended = true;
          }
          default -> {
            if (st != null) {
              inSet(s);
            } else if (ended) {
              problems.at(s.line(), s.tag() + " after DXE: the transmission is over");
            } else if (started) {
              problems.at(s.line(), s.tag() + " outside a transaction set (between ST and SE)");
            }
            // before the first DXS: a controller's preamble (such as MC5), not part of the audit
          }
        }
      }
      int end = last == null ? 1 : last.line();
      if (st != null) {
        problems.at(end, "the file ends inside the transaction set started at line "
            + st.line() + " (no SE" + (dxs != null ? " and no DXE" : "")
            + "): it is truncated after " + last.tag());
        st = null;
      } else if (dxs != null) {
        problems.at(end, "the file ends without DXE after the DXS at line " + dxs.line()
            + ": it is truncated");
      }
      if (!started) {
        problems.at(end, "no DXS or ST segment: the file holds no read");
      } else if (reads.isEmpty() && !problems.any()) {
        problems.at(end, "no complete transaction set (ST..SE): the file holds no read");
      }
    }

    private void openSet(DexSegment s) {
      st = s;
      setSegments.clear();
      setSegments.add(s);
      checksumOk = null;
      problemsAtSt = problems.count();
      if (!"001".equals(s.element(1).strip())) {
        problems.at(s.line(), "ST01 '" + s.element(1).strip() + "' is not 001, the audit "
            + "transaction set");
      }
      int startLine = dxs != null && setsInTransmission == 0 ? dxs.line() : s.line();
      builder = new DexReadBuilder(problems, zone, startLine,
          dxs == null ? null : dxs.element(1).strip());
    }

    private void inSet(DexSegment s) {
      if (s.tag().equals("G85")) {
        checksumOk = checksum(s);
      }
      setSegments.add(s);
      builder.accept(s);
    }

    private void closeSet(DexSegment se, List<MachineRead> reads) {
      setSegments.add(se);
      setsInTransmission++;
      String control = st.element(2).strip();
      if (!se.element(2).strip().equals(control)) {
        problems.at(se.line(), "SE02 control number '" + se.element(2).strip()
            + "' is not the ST02 '" + control + "' of line " + st.line());
      }
      String count = se.element(1).strip();
      if (!Boolean.TRUE.equals(checksumOk)
          && !count.equals(String.valueOf(setSegments.size()))) {
        problems.at(se.line(), "SE01 says " + count + " segments but the set from line "
            + st.line() + " has " + setSegments.size() + ": segments are missing or extra");
      }
      MachineRead read = builder.finish(se.line(), problemsAtSt);
      if (read != null) {
        reads.add(read);
      }
      st = null;
    }

    private void unfinishedSet(DexSegment at) {
      problems.at(at.line(), at.tag() + " before the SE of the transaction set started at line "
          + st.line() + ": that set is truncated");
      st = null;
    }

    /**
     * G85 is a CRC-16 (polynomial 0x8005 reflected, initial 0, as in CRC-16/ARC) over the set's
     * segments from ST to the one before G85, each with its terminator. Controllers compute it
     * with CRLF; a file whose line ends were converted since still verifies with CRLF, and a
     * file with its own terminator verifies with that.
     */
    private boolean checksum(DexSegment g85) {
      String expected = g85.element(1).strip().toUpperCase(Locale.ROOT);
      int crlf = 0;
      int own = 0;
      for (DexSegment s : setSegments) {
        crlf = Crc16.update(crlf, s.raw() + "\r\n");
        own = Crc16.update(own, s.raw() + terminator);
      }
      if (expected.equals(Crc16.hex(crlf)) || expected.equals(Crc16.hex(own))) {
        return true;
      }
      problems.at(g85.line(), "G85 checksum '" + DexLexer.abbreviate(expected)
          + "' does not match the content from line " + st.line() + " (CRC-16 " + Crc16.hex(crlf)
          + "): the file was altered or corrupted");
      return false;
    }
  }
}
