package io.mapguard.lint.frontend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap, text-only look at the scanned tree's own type declarations, used before asking the symbol
 * solver (which parses whole files) whether a type of the tree may be a map, an executor or a lock:
 * the supertypes named in declaration headers, followed through the tree's files to JDK types, which
 * reflection answers. Only a "maybe" goes on to the solver. Thread-safe.
 */
final class SourceTreeIndex {
  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\s*;");
  private static final Pattern WILDCARD_IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\.\\*\\s*;");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
  private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\n]*");
  private static final Pattern GENERICS = Pattern.compile("<[^<>]*>");
  private static final Pattern SUPERTYPES = Pattern.compile("\\b(?:extends|implements)\\s+([\\w.\\s,]+)");
  private static final int MAX_DEPTH = 12;

  private final List<Path> roots;
  /** Supertypes named in each tree type's header (empty when the type is not in the tree): small, kept. */
  private final Map<String, Optional<List<String>>> headers = new ConcurrentHashMap<>();

  SourceTreeIndex(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /** Whether the tree has a file for {@code qualifiedName} (its own, or its top-level class's). */
  boolean declares(String qualifiedName) {
    return header(qualifiedName).isPresent();
  }

  /** The supertypes named in the declaration header of {@code qualifiedName}, when the tree declares it. */
  Optional<List<String>> declaredSupertypes(String qualifiedName) {
    return header(qualifiedName);
  }

  /** The supertypes named in the header of {@code qualifiedName}, when the tree declares it. */
  private Optional<List<String>> header(String qualifiedName) {
    return headers.computeIfAbsent(
        qualifiedName, name -> read(name).map(text -> supertypesInHeader(name, text)));
  }

  /** The source text declaring {@code qualifiedName} (a top-level or nested type) in the tree, if any. */
  private Optional<String> read(String qualifiedName) {
    String[] parts = qualifiedName.split("\\.");
    if (!qualifiedName.contains(".") || roots.isEmpty()) {
      return Optional.empty();
    }
    // pkg.Outer.Inner lives in pkg/Outer.java: try the longest path first
    for (int end = parts.length; end >= 1; end--) {
      String relative = String.join("/", java.util.Arrays.copyOf(parts, end)) + ".java";
      for (Path root : roots) {
        Path file = root.resolve(relative);
        if (Files.isRegularFile(file)) {
          try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            // declarations only: comments mention class names too ("{@code class Foo extends Bar}")
            return Optional.of(COMMENTS.matcher(text).replaceAll(" "));
          } catch (IOException | RuntimeException e) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * False when {@code qualifiedName} is declared in the tree and surely not a subtype of
   * {@code target}: following the supertypes named in the declaration headers through the tree ends
   * only in JDK types that are not {@code target}'s subtypes. True when it is or may be (a supertype
   * outside the tree and the JDK), or when the type is not in the tree at all.
   */
  boolean mayBeSubtypeOf(String qualifiedName, String target) {
    return !Boolean.FALSE.equals(subtypeByHeaders(qualifiedName, target));
  }

  /**
   * What the declaration headers say: TRUE when a chain of supertypes through the tree reaches
   * {@code target} or a JDK subtype of it, FALSE when every chain ends in JDK types that are not,
   * null when the type is not in the tree or a chain leaves both the tree and the JDK (a library
   * type: only the solver can tell).
   */
  Boolean subtypeByHeaders(String qualifiedName, String target) {
    if (header(qualifiedName).isEmpty()) {
      return null;
    }
    Optional<Class<?>> targetClass = LintTypes.jdkClass(target);
    return extendsByHeaders(qualifiedName, target, targetClass.orElse(null), new HashSet<>(), 0);
  }

  private Boolean extendsByHeaders(String type, String target, Class<?> targetClass, Set<String> seen, int depth) {
    if (type.equals(target)) {
      return Boolean.TRUE;
    }
    if (!seen.add(type)) {
      return Boolean.FALSE;
    }
    if (depth > MAX_DEPTH) {
      return null;
    }
    Optional<Class<?>> jdk = LintTypes.jdkClass(type);
    if (jdk.isPresent()) {
      return targetClass != null && targetClass.isAssignableFrom(jdk.get());
    }
    Optional<List<String>> supertypes = header(type);
    if (supertypes.isEmpty()) {
      return null;
    }
    boolean unknown = false;
    for (String supertype : supertypes.get()) {
      Boolean extended = extendsByHeaders(supertype, target, targetClass, seen, depth + 1);
      if (Boolean.TRUE.equals(extended)) {
        return Boolean.TRUE;
      }
      unknown |= extended == null;
    }
    return unknown ? null : Boolean.FALSE;
  }

  /** Names after {@code extends}/{@code implements} in the declaration of {@code type}, resolved by text. */
  private static List<String> supertypesInHeader(String type, String text) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    Matcher declaration =
        Pattern.compile("\\b(?:class|interface|enum|record)\\s+" + Pattern.quote(simple) + "\\b").matcher(text);
    List<String> names = new ArrayList<>();
    if (!declaration.find()) {
      return names;
    }
    int brace = text.indexOf('{', declaration.end());
    String header = text.substring(declaration.end(), brace < 0 ? text.length() : brace);
    String previous;
    do {
      previous = header;
      header = GENERICS.matcher(header).replaceAll("");
    } while (!header.equals(previous));
    header = header.replaceAll("\\([^)]*\\)", ""); // record components
    header = header.replaceAll("\\bpermits\\b[\\s\\S]*", ""); // subclasses, not supertypes
    Matcher supertypes = SUPERTYPES.matcher(header);
    while (supertypes.find()) {
      for (String name : supertypes.group(1).split(",")) {
        String[] words = name.strip().split("\\s+");
        if (!words[0].isEmpty()) {
          names.add(resolve(words[0], text));
        }
      }
    }
    return names;
  }

  private static String resolve(String name, String text) {
    if (name.contains(".") && Character.isLowerCase(name.charAt(0))) {
      return name;
    }
    String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    String rest = name.substring(first.length());
    Matcher imports = IMPORT.matcher(text);
    while (imports.find()) {
      if (imports.group(1).endsWith("." + first)) {
        return imports.group(1) + rest;
      }
    }
    if (LintTypes.jdkClass("java.lang." + first).isPresent()) {
      return "java.lang." + name; // Cloneable, Runnable, Thread…
    }
    Matcher wildcards = WILDCARD_IMPORT.matcher(text);
    while (wildcards.find()) {
      if (LintTypes.jdkClass(wildcards.group(1) + "." + first).isPresent()) {
        return wildcards.group(1) + "." + name;
      }
    }
    Matcher pkg = PACKAGE.matcher(text);
    return pkg.find() ? pkg.group(1) + "." + name : name;
  }
}
