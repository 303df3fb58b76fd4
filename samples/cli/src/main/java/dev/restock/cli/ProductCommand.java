package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "product", description = "Manage products.",
    subcommands = {ProductCommand.Add.class, ProductCommand.ListProducts.class,
        ProductCommand.Show.class, ProductCommand.Update.class, ProductCommand.Delete.class,
        ProductCommand.Restore.class})
final class ProductCommand {

  /** Products as a table of the command's output. */
  static void table(EngineCommand command, List<Product> products) {
    Table t = command.newTable("SKU", "NAME", "CATEGORY", "PRICE", "CASE", "ACTIVE", "DELETED",
        "ID");
    products.forEach(p -> t.row(p.sku(), p.name(), p.category(), p.price(), p.casePack(),
        p.active() ? "yes" : "no", p.deletedAt(), p.id()));
    command.print(t);
  }

  /** A UUID or a sku; looks among live products unless {@code deleted}. */
  static Product find(RestockSession session, String key, boolean deleted) {
    UUID id = uuid(key);
    if (!deleted) {
      return id != null ? session.products().get(id) : session.products().getBySku(key);
    }
    Visibility only = Visibility.ONLY_DELETED;
    for (int page = 0; ; page++) {
      Page<Product> p = session.products().list(PageRequest.of(page, PageRequest.MAX_SIZE), only);
      for (Product product : p.items()) {
        if (product.id().equals(id) || product.sku().equals(key)) {
          return product;
        }
      }
      if (page + 1 >= p.pages()) {
        throw new NotFoundException("deleted product", key);
      }
    }
  }

  static UUID uuid(String key) {
    try {
      return UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Parses a price; an unreadable one becomes a violation listed with the command's own. */
  static BigDecimal price(String text, List<Violation> problems) {
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      problems.add(new Violation("price", "is not a number: " + text));
      return BigDecimal.ZERO;
    }
  }

  /** Builds a command, reporting its violations together with parse problems. */
  static <T> T command(List<Violation> problems, Supplier<T> build) {
    try {
      T command = build.get();
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return command;
    } catch (ValidationException e) {
      List<Violation> all = new ArrayList<>(problems);
      e.violations().stream().filter(v -> !all.contains(v)).forEach(all::add);
      throw new ValidationException(all);
    }
  }

  @Command(name = "add", description = "Add a product.")
  static final class Add extends EngineCommand.Writing {
    @Option(names = "--sku", required = true,
        description = "The product's stock-keeping unit, unique among live products.") String sku;
    @Option(names = "--name", required = true,
        description = "The product's name.") String name;
    @Option(names = "--price", required = true,
        description = "The sales price, at most 2 decimal places, not negative.") String price;
    @Option(names = "--category",
        description = "A category, e.g. Drinks.") String category;
    @Option(names = "--case-pack",
        description = "Units per case (at least 1; default 1).") Integer casePack;

    @Override
    void run(Restock engine) {
      List<Violation> problems = new ArrayList<>();
      BigDecimal amount = price(price, problems);
      CreateProduct create = command(problems,
          () -> new CreateProduct(sku, name, category, amount, casePack));
      Product p = writer(engine).products().create(create);
      print(p, () -> out().println("added product " + p.sku() + " (" + p.id() + ")"));
    }
  }

  @Command(name = "list", description = "List products (live ones unless told otherwise).")
  static final class ListProducts extends EngineCommand {
    @Option(names = "--deleted", description = "Only soft-deleted products.") boolean deleted;
    @Option(names = "--all", description = "Live and soft-deleted products.") boolean all;
    @Mixin Paging paging;
    @Option(names = "--search", paramLabel = "TEXT",
        description = "Only products whose sku or name contains TEXT, ignoring case.")
    String search;
    @Option(names = "--regex", description = "Read --search as a regular expression.")
    boolean regex;

    @Override
    void run(Restock engine) {
      Visibility visibility = deleted ? Visibility.ONLY_DELETED
          : all ? Visibility.INCLUDE_DELETED : Visibility.LIVE;
      RestockSession session = reader(engine);
      Page<Product> result = read(paging, request -> search == null
          ? session.products().list(request, visibility)
          : session.products().search(regex ? dev.restock.api.query.TextQuery.regex(search)
              : dev.restock.api.query.TextQuery.contains(search), request, visibility));
      printPage(result, () -> table(this, result.items()));
    }
  }

  @Command(name = "show", description = "Show one product by sku or id.")
  static final class Show extends EngineCommand {
    @Parameters(paramLabel = "SKU|ID",
        description = "The product's sku or id.") String key;

    @Override
    void run(Restock engine) {
      Product p = find(reader(engine), key, false);
      print(p, () -> table(this, List.of(p)));
    }
  }

  @Command(name = "update", description = "Change a product; only the options given change.")
  static final class Update extends EngineCommand.Writing {
    @Parameters(paramLabel = "SKU|ID",
        description = "The product's sku or id.") String key;
    @Option(names = "--sku",
        description = "A new sku.") String sku;
    @Option(names = "--name",
        description = "A new name.") String name;
    @Option(names = "--price",
        description = "A new price.") String price;
    @Option(names = "--category",
        description = "A category, e.g. Drinks.") String category;
    @Option(names = "--case-pack",
        description = "Units per case (at least 1; default 1).") Integer casePack;
    @Option(names = "--active", arity = "1",
        description = "true or false: whether it is sold.") Boolean active;

    @Override
    void run(Restock engine) {
      List<Violation> problems = new ArrayList<>();
      BigDecimal amount = price(price, problems);
      UpdateProduct update = command(problems,
          () -> new UpdateProduct(sku, name, category, amount, casePack, active));
      RestockSession session = writer(engine);
      Product p = session.products().update(find(session, key, false).id(), update);
      print(p, () -> out().println("updated product " + p.sku()));
    }
  }

  @Command(name = "delete", description = "Soft-delete a product; it can be restored.")
  static final class Delete extends EngineCommand.Writing {
    @Parameters(paramLabel = "SKU|ID",
        description = "The product's sku or id.") String key;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      Product p = find(session, key, false);
      session.products().delete(p.id());
      print(java.util.Map.of("deleted", p.id()),
          () -> out().println("deleted product " + p.sku() + " (" + p.id() + ")"));
    }
  }

  @Command(name = "restore", description = "Restore a soft-deleted product by sku or id.")
  static final class Restore extends EngineCommand.Writing {
    @Parameters(paramLabel = "SKU|ID",
        description = "The product's sku or id.") String key;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      Product p = session.products().restore(find(session, key, true).id());
      print(p, () -> out().println("restored product " + p.sku() + " (" + p.id() + ")"));
    }
  }
}
