package dev.restock.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The jars Restock publishes, as Maven packaged them: every artifact restock-bom manages that this
 * reactor builds. Runs after {@code package} (failsafe), when this module's dependencies on them
 * resolve to their jars. Each has an {@code Automatic-Module-Name}, the licence and notice, and
 * sources and javadoc jars beside it, and no two share a package (which the module path forbids).
 */
class PublishedJarsIT {
  private static final String GROUP = "dev.restock";
  private static Map<String, Path> jars;

  @BeforeAll
  static void findJars() throws Exception {
    Set<String> published = publishedArtifacts(Path.of(System.getProperty("restock.bom")));
    Set<String> inReactor = reactorArtifacts(Path.of(System.getProperty("restock.root")));
    jars = new TreeMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (!path.toString().endsWith(".jar") || !path.getParent().endsWith("target")) {
        continue; // not a reactor module's jar
      }
      Path pom = path.getParent().getParent().resolve("pom.xml");
      String artifactId = artifactId(pom);
      if (published.contains(artifactId)) {
        jars.put(artifactId, path);
      }
    }
    Set<String> expected = new TreeSet<>(published);
    expected.retainAll(inReactor);
    assertThat(jars.keySet())
        .as("every published module this reactor builds must be a test dependency of"
            + " restock-architecture-tests, so that this check sees its jar")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyJarHasAValidAutomaticModuleName() throws IOException {
    Map<String, String> names = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Path> jar : jars.entrySet()) {
      try (JarFile file = new JarFile(jar.getValue().toFile())) {
        String name = file.getManifest() == null ? null
            : file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        if (name == null || !SourceVersion.isName(name)) {
          problems.add(jar.getKey() + ": Automatic-Module-Name is '" + name + "'");
        } else if (names.containsValue(name)) {
          problems.add(jar.getKey() + ": Automatic-Module-Name " + name + " is taken");
        }
        names.put(jar.getKey(), name);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyJarCarriesTheLicenceAndNotice() throws IOException {
    String licence = Files.readString(Path.of(System.getProperty("restock.root"), "LICENSE"));
    assertThat(licence).contains("Apache License").contains("Version 2.0");
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Path> jar : jars.entrySet()) {
      try (JarFile file = new JarFile(jar.getValue().toFile())) {
        JarEntry entry = file.getJarEntry("META-INF/LICENSE");
        if (entry == null) {
          problems.add(jar.getKey() + ": no META-INF/LICENSE");
        } else {
          try (InputStream in = file.getInputStream(entry)) {
            if (!new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .equals(licence)) {
              problems.add(jar.getKey() + ": META-INF/LICENSE is not the project's LICENSE");
            }
          }
        }
        if (file.getJarEntry("META-INF/NOTICE") == null) {
          problems.add(jar.getKey() + ": no META-INF/NOTICE");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyJarHasSourcesAndJavadocBesideIt() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Path> jar : jars.entrySet()) {
      String base = jar.getValue().getFileName().toString().replaceFirst("\\.jar$", "");
      for (String classifier : List.of("sources", "javadoc")) {
        Path attached = jar.getValue().resolveSibling(base + "-" + classifier + ".jar");
        if (!Files.isRegularFile(attached)) {
          problems.add(jar.getKey() + ": no " + attached.getFileName());
        } else if (classifier.equals("javadoc")) {
          try (JarFile file = new JarFile(attached.toFile())) {
            if (file.getJarEntry("index.html") == null) {
              problems.add(jar.getKey() + ": " + attached.getFileName() + " has no index.html");
            }
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void noTwoJarsShareAPackage() throws IOException {
    Map<String, Set<String>> owners = new TreeMap<>();
    for (Map.Entry<String, Path> jar : jars.entrySet()) {
      try (JarFile file = new JarFile(jar.getValue().toFile())) {
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
          String name = entries.nextElement().getName();
          if (name.endsWith(".class") && !name.startsWith("META-INF/") && name.contains("/")) {
            String pkg = name.substring(0, name.lastIndexOf('/')).replace('/', '.');
            owners.computeIfAbsent(pkg, p -> new TreeSet<>()).add(jar.getKey());
          }
        }
      }
    }
    assertThat(owners).as("packages").isNotEmpty();
    Map<String, Set<String>> split = new TreeMap<>();
    owners.forEach((pkg, in) -> {
      if (in.size() > 1) {
        split.put(pkg, in);
      }
    });
    assertThat(split).isEmpty();
  }

  /** The artifacts of group dev.restock that {@code bom} manages. */
  private static Set<String> publishedArtifacts(Path bom) throws Exception {
    Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(bom.toFile()).getDocumentElement();
    NodeList dependencies = project.getElementsByTagName("dependency");
    Set<String> published = new TreeSet<>();
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      if (GROUP.equals(text(dependency, "groupId"))) {
        published.add(text(dependency, "artifactId"));
      }
    }
    assertThat(published).as("restock-bom manages Restock's artifacts").isNotEmpty();
    return published;
  }

  /** The artifactIds of every module under {@code root}. */
  private static Set<String> reactorArtifacts(Path root) throws IOException {
    Set<String> artifacts = new TreeSet<>();
    try (Stream<Path> poms = Files.walk(root)) {
      for (Path pom : (Iterable<Path>) poms
          .filter(p -> p.getFileName().toString().equals("pom.xml"))
          .filter(p -> !p.toString().contains(File.separator + "target" + File.separator))
          .filter(p -> !p.toString().contains(File.separator + "."))::iterator) {
        artifacts.add(artifactId(pom));
      }
    }
    return artifacts;
  }

  private static String artifactId(Path pom) {
    try {
      return text(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
          .getDocumentElement(), "artifactId");
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom, e);
    }
  }

  private static String text(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }
}
