package dev.restock.bomhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A host that declares AssertJ before Restock and imports restock-bom gets Restock's versions:
 * byte-buddy as Hibernate's platform manages it (not AssertJ's older one), HikariCP as Restock
 * declares it (not the older one Hibernate's platform manages), and every other artifact the BOM
 * manages at the BOM's version. What the BOM manages is read from its pom (and the poms it
 * imports, from the local repository Maven resolved this class path from), so the test follows
 * every version change without being edited.
 */
class BomAlignmentTest {
  private static Path repository;
  private static Map<String, String> onClassPath;
  private static Map<String, String> managed;

  @BeforeAll
  static void read() throws Exception {
    onClassPath = new TreeMap<>();
    Path hibernateCore = null;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (jar.getFileName().toString().startsWith("hibernate-core-")) {
        hibernateCore = jar;
      }
    }
    assertThat(hibernateCore).as("hibernate-core on the class path").isNotNull();
    // <repository>/org/hibernate/orm/hibernate-core/<version>/hibernate-core-<version>.jar
    repository = hibernateCore.getParent().getParent().getParent().getParent().getParent()
        .getParent();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path jar = Path.of(entry).toAbsolutePath();
      if (!jar.startsWith(repository) || !jar.toString().endsWith(".jar")) {
        continue; // this module's own classes, or a reactor module's build output
      }
      Path relative = repository.relativize(jar);
      int n = relative.getNameCount();
      String groupId = relative.subpath(0, n - 3).toString().replace(File.separatorChar, '.');
      onClassPath.put(groupId + ":" + relative.getName(n - 3), relative.getName(n - 2).toString());
    }
    managed = new LinkedHashMap<>();
    manage(Path.of(System.getProperty("restock.bom")));
  }

  /** Adds what {@code pom} manages, entries in it first, then its imports in order. */
  private static void manage(Path pom) throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    Element project = doc.getDocumentElement();
    Map<String, String> properties = new LinkedHashMap<>();
    Element props = child(project, "properties");
    if (props != null) {
      NodeList list = props.getChildNodes();
      for (int i = 0; i < list.getLength(); i++) {
        if (list.item(i) instanceof Element e) {
          properties.put(e.getTagName(), e.getTextContent().trim());
        }
      }
    }
    properties.put("project.version", text(project, "version"));
    Element management = child(project, "dependencyManagement");
    if (management == null) {
      return;
    }
    List<String[]> imports = new ArrayList<>();
    NodeList dependencies = child(management, "dependencies").getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      String groupId = interpolate(text(dependency, "groupId"), properties);
      String artifactId = interpolate(text(dependency, "artifactId"), properties);
      String version = interpolate(text(dependency, "version"), properties);
      if (version == null || version.contains("${")) {
        continue; // a property of a parent pom this test does not read
      }
      if ("import".equals(text(dependency, "scope"))) {
        imports.add(new String[] {groupId, artifactId, version});
      } else {
        managed.putIfAbsent(groupId + ":" + artifactId, version);
      }
    }
    for (String[] imported : imports) {
      Path importedPom = repository.resolve(imported[0].replace('.', '/'))
          .resolve(imported[1]).resolve(imported[2])
          .resolve(imported[1] + "-" + imported[2] + ".pom");
      assertThat(importedPom).as("imported BOM in the local repository").exists();
      manage(importedPom);
    }
  }

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private static String interpolate(String value, Map<String, String> properties) {
    for (int round = 0; value != null && round < 10; round++) {
      Matcher m = PROPERTY.matcher(value);
      StringBuilder out = new StringBuilder();
      boolean changed = false;
      while (m.find()) {
        String replacement = properties.get(m.group(1));
        changed |= replacement != null;
        m.appendReplacement(out, Matcher.quoteReplacement(
            replacement != null ? replacement : m.group()));
      }
      m.appendTail(out);
      value = out.toString();
      if (!changed) {
        break;
      }
    }
    return value;
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }

  @Test
  void byteBuddyIsHibernatesNotAssertjs() {
    assertThat(onClassPath).containsKey("net.bytebuddy:byte-buddy");
    assertThat(managed).containsKey("net.bytebuddy:byte-buddy");
    assertThat(onClassPath.get("net.bytebuddy:byte-buddy"))
        .isEqualTo(managed.get("net.bytebuddy:byte-buddy"));
  }

  @Test
  void hikariIsRestocksNotHibernatePlatforms() throws Exception {
    String bom = Files.readString(Path.of(System.getProperty("restock.bom")));
    Matcher declared = Pattern.compile("<hikaricp.version>([^<]+)</hikaricp.version>").matcher(bom);
    assertThat(declared.find()).as("restock-bom declares hikaricp.version").isTrue();

    assertThat(onClassPath.get("com.zaxxer:HikariCP")).isEqualTo(declared.group(1));
  }

  @Test
  void everyArtifactTheBomManagesIsAtTheBomsVersion() {
    Map<String, String> wrong = new TreeMap<>();
    int checked = 0;
    for (Map.Entry<String, String> jar : onClassPath.entrySet()) {
      String expected = managed.get(jar.getKey());
      if (expected != null) {
        checked++;
        if (!expected.equals(jar.getValue())) {
          wrong.put(jar.getKey(), jar.getValue() + " instead of " + expected);
        }
      }
    }
    assertThat(wrong).isEmpty();
    // hibernate-*, byte-buddy, HikariCP, Flyway, H2, Jackson, SLF4J, ... at the least
    assertThat(checked).isGreaterThan(10);
  }
}
