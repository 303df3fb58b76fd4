package dev.restock.plugin.tck;

import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.MachineRead;
import dev.restock.api.reads.ReadFile;
import dev.restock.api.reads.SelectionCounter;
import dev.restock.api.spi.ReadParser;
import dev.restock.api.stability.Experimental;
import dev.restock.api.validation.Checks;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A read parser for tests, id {@value #ID}, of a line format small enough to write by hand, so
 * that engine tests need no DEX parser:
 *
 * <pre>
 * machine SN-M1              starts a read
 * at 2026-11-02T10:00:00Z    when it was read (optional)
 * cash 12.50                 cumulative cash sales (optional)
 * cashless 3.00              cumulative cashless sales (optional)
 * total 40                   cumulative vends of the machine (optional)
 * sel A1 12                  a selection and its cumulative vends
 * end                        closes the read; a read without it is truncated
 * </pre>
 *
 * Every bad line is named as {@code name:line}; a file whose last read has no {@code end} is
 * truncated.
 */
@Experimental(since = "0.2")
public final class LineReads implements ReadParser {
  /** This parser's format id. */
  public static final String ID = "tck-lines";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<MachineRead> parse(ReadFile file) {
    String[] lines = new String(file.content(), StandardCharsets.UTF_8).split("\r?\n", -1);
    Checks checks = new Checks();
    List<MachineRead> reads = new ArrayList<>();
    Draft draft = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int number = i + 1;
      String where = file.name() + ":" + number;
      if (line.isEmpty()) {
        continue;
      }
      String[] words = line.split("\\s+");
      try {
        if (words[0].equals("machine") && words.length == 2) {
          if (draft != null) {
            checks.add(where, "read of line " + draft.line + " has no end");
          }
          draft = new Draft(words[1], number);
        } else if (draft == null) {
          checks.add(where, "'" + line + "' outside a read");
        } else if (words[0].equals("at") && words.length == 2) {
          draft.at = Instant.parse(words[1]);
        } else if (words[0].equals("cash") && words.length == 2) {
          draft.cash = new BigDecimal(words[1]);
        } else if (words[0].equals("cashless") && words.length == 2) {
          draft.cashless = new BigDecimal(words[1]);
        } else if (words[0].equals("total") && words.length == 2) {
          draft.total = Long.valueOf(words[1]);
        } else if (words[0].equals("sel") && words.length == 3) {
          draft.selections.add(new SelectionCounter(words[1], null, Long.parseLong(words[2]),
              null, number));
        } else if (words[0].equals("end") && words.length == 1) {
          reads.add(new MachineRead(draft.serial, draft.at, draft.selections,
              new CashCounters(draft.cash, null, null, null, null, draft.cashless, null, null,
                  draft.total),
              draft.line));
          draft = null;
        } else {
          checks.add(where, "cannot read '" + line + "'");
        }
      } catch (RuntimeException e) {
        checks.add(where, "cannot read '" + line + "': " + e.getMessage());
      }
    }
    if (draft != null) {
      checks.add(file.name() + ":" + lines.length, "truncated: the read of line " + draft.line
          + " has no end");
    }
    checks.throwIfAny();
    return reads;
  }

  private static final class Draft {
    final String serial;
    final int line;
    Instant at;
    BigDecimal cash;
    BigDecimal cashless;
    Long total;
    final List<SelectionCounter> selections = new ArrayList<>();

    Draft(String serial, int line) {
      this.serial = serial;
      this.line = line;
    }
  }
}
