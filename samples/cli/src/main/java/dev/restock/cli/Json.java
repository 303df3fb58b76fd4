package dev.restock.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.restock.api.query.Page;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The tool's JSON: one configured Jackson mapper for everything it prints.
 *
 * <ul>
 *   <li>numbers are JSON numbers; a {@link java.math.BigDecimal} keeps its scale ({@code 2.50})
 *       and is never written in exponent form;
 *   <li>instants, dates and durations are ISO-8601 strings ({@code 2026-12-05T06:40:25Z},
 *       {@code 2026-12-05}, {@code PT5M});
 *   <li>an {@link java.util.Optional} is its value or null;
 *   <li>records are objects keyed by component name, in component order; UUIDs, enums and paths
 *       are their plain text;
 *   <li>a {@link Page} is {@code {"items":[...],"page":1,"pageSize":50,"totalItems":123,
 *       "totalPages":3}}, page counted from 1 as the text output counts it.
 * </ul>
 */
final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new Jdk8Module())
      .addModule(new SimpleModule("restock-cli")
          .addSerializer(Path.class, new ToStringSerializer(Path.class))
          .addSerializer(new PageSerializer()))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      // trees (the CSV of a value) keep 2.50 as 2.50
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .build();

  private Json() {}

  /** {@code value} as one line of JSON. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getName()
          + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} as a tree, as {@link #write} would print it (for the CSV of a value). */
  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** The one shape of a page of a list under {@code --json}. */
  record PagedList(List<?> items, int page, int pageSize, long totalItems, long totalPages) {
    static PagedList of(Page<?> page) {
      return new PagedList(page.items(), page.page() + 1, page.size(), page.total(),
          page.pages());
    }
  }

  @SuppressWarnings("rawtypes")
  private static final class PageSerializer extends StdSerializer<Page> {
    private static final long serialVersionUID = 1L;

    PageSerializer() {
      super(Page.class);
    }

    @Override
    public void serialize(Page page, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      provider.defaultSerializeValue(PagedList.of(page), gen);
    }
  }
}
