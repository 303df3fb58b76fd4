package dev.restock.plugin.auditlog;

import dev.restock.api.spi.AuditSink;
import dev.restock.plugin.tck.AuditSinkContract;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/** The TCK's sink contract on the log sink, read back from the lines it logged. */
class LogAuditSinkContractTest extends AuditSinkContract {
  private static final Pattern LINE = Pattern.compile(
      "audit action=(\\S+) resource=[^:]*:(\\S+) .* revision=(\\d+) .*");
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  @Override
  protected AuditSink createSink() {
    lines.clear();
    Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
        new Class<?>[] {Logger.class}, (proxy, method, args) -> {
          if (method.getName().equals("info") && args != null && args.length == 2
              && args[1] instanceof Object[] values) {
            lines.add(MessageFormatter.arrayFormat((String) args[0], values).getMessage());
          }
          return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
        });
    return new LogAuditSinkPlugin(logger);
  }

  @Override
  protected List<Received> received() {
    List<Received> out = new ArrayList<>();
    synchronized (lines) {
      for (String line : lines) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
          throw new AssertionError("not an audit line: " + line);
        }
        out.add(new Received(Long.parseLong(m.group(3)), m.group(1),
            m.group(2).equals("null") ? null : UUID.fromString(m.group(2))));
      }
    }
    return out;
  }
}
