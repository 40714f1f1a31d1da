package io.mapguard.lint.symbols;

import io.mapguard.lint.source.JavaLexicalScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A cheap, text-only look at the scanned tree's own type declarations, used before asking the symbol
 * solver (which parses whole files) whether a type of the tree may be a map, an executor or a lock:
 * the supertypes named in declaration headers, followed through the tree's files to JDK types, which
 * reflection answers. Only a "maybe" goes on to the solver. Thread-safe.
 */
public final class SourceTreeIndex {
  private static final List<String> DECLARATION_KEYWORDS = List.of("class", "interface", "enum", "record");
  private static final Pattern GENERICS = Pattern.compile("<[^<>]*>");
  private static final int MAX_DEPTH = 12;

  private final List<Path> roots;
  /** Supertypes named in each tree type's header (empty when the type is not in the tree): small, kept. */
  private final Map<String, Optional<List<String>>> headers = new ConcurrentHashMap<>();
  /** The same for every type of a file, by the file's path under a root (empty: no such file). */
  private final Map<String, Optional<Map<String, List<String>>>> files = new ConcurrentHashMap<>();

  public SourceTreeIndex(List<Path> roots) {
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
    return headers.computeIfAbsent(qualifiedName, this::findHeader);
  }

  private Optional<List<String>> findHeader(String qualifiedName) {
    if (!qualifiedName.contains(".") || roots.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = qualifiedName.split("\\.");
    String simpleName = parts[parts.length - 1];
    // pkg.Outer.Inner lives in pkg/Outer.java: try the longest path first
    for (int end = parts.length; end >= 1; end--) {
      String relative = String.join("/", java.util.Arrays.copyOf(parts, end)) + ".java";
      Optional<Map<String, List<String>>> declared = files.computeIfAbsent(relative, this::declarationsIn);
      if (declared.isPresent()) {
        return Optional.of(declared.get().getOrDefault(simpleName, List.of()));
      }
    }
    return Optional.empty();
  }

  /**
   * The supertypes named in the header of each type declared in the tree's file at {@code relative}
   * (by simple name, the first declaration of a name winning), or empty when no root has the file.
   * One read per file: its nested types share it.
   */
  private Optional<Map<String, List<String>>> declarationsIn(String relative) {
    for (Path root : roots) {
      Path file = root.resolve(relative);
      if (Files.isRegularFile(file)) {
        try {
          // declarations only: comments and strings mention class names too ("{@code class Foo extends Bar}")
          String code = JavaLexicalScanner.codeOnly(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
          Map<String, List<String>> declared = new HashMap<>();
          List<int[]> declarations = declarations(code);
          // imports and the package come before the first declaration
          FileNames names = new FileNames(code.substring(0, declarations.isEmpty() ? 0 : declarations.get(0)[0]));
          for (int[] at : declarations) {
            String name = code.substring(at[1], at[2]);
            if (!declared.containsKey(name)) {
              declared.put(name, supertypesInHeader(code, at[2], names));
            }
          }
          return Optional.of(declared);
        } catch (IOException | RuntimeException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
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

  /**
   * Where {@code code} declares a type, in source order: the keyword's offset and the name's start
   * and end. A keyword counts when it is a whole word (not {@code Foo.class}) followed by white space
   * and a name. String searches, not a regular expression: this runs over every file of the tree
   * that declares a type the analysis asks about.
   */
  private static List<int[]> declarations(String code) {
    List<int[]> found = new ArrayList<>();
    for (String keyword : DECLARATION_KEYWORDS) {
      for (int at = code.indexOf(keyword); at >= 0; at = code.indexOf(keyword, at + keyword.length())) {
        int after = at + keyword.length();
        if ((at > 0 && (Character.isJavaIdentifierPart(code.charAt(at - 1)) || code.charAt(at - 1) == '.'))
            || after >= code.length()
            || !Character.isWhitespace(code.charAt(after))) {
          continue;
        }
        int nameStart = after;
        while (nameStart < code.length() && Character.isWhitespace(code.charAt(nameStart))) {
          nameStart++;
        }
        int nameEnd = nameStart;
        while (nameEnd < code.length() && Character.isJavaIdentifierPart(code.charAt(nameEnd))) {
          nameEnd++;
        }
        if (nameEnd > nameStart) {
          found.add(new int[] {at, nameStart, nameEnd});
        }
      }
    }
    found.sort(java.util.Comparator.comparingInt(at -> at[0]));
    return found;
  }

  /** Names after {@code extends}/{@code implements} in the declaration header at {@code headerStart}, resolved by text. */
  private static List<String> supertypesInHeader(String text, int headerStart, FileNames fileNames) {
    List<String> names = new ArrayList<>();
    int brace = text.indexOf('{', headerStart);
    String header = text.substring(headerStart, brace < 0 ? text.length() : brace);
    String previous;
    do {
      previous = header;
      header = GENERICS.matcher(header).replaceAll("");
    } while (!header.equals(previous));
    header = header.replaceAll("\\([^)]*\\)", ""); // record components
    header = header.replaceAll("\\bpermits\\b[\\s\\S]*", ""); // subclasses, not supertypes
    // "extends A implements B, C": a name follows either keyword or a comma after one
    boolean expectingName = false;
    boolean inSupertypes = false;
    for (String word : header.replace(",", " , ").strip().split("\\s+")) {
      if (word.equals("extends") || word.equals("implements")) {
        inSupertypes = true;
        expectingName = true;
      } else if (word.equals(",")) {
        expectingName = inSupertypes;
      } else if (expectingName && !word.startsWith("@")) {
        names.add(fileNames.resolve(word));
        expectingName = false;
      }
    }
    return names;
  }

  /** How a file's code names types: its single-type imports, on-demand imports and package. */
  private static final class FileNames {
    final List<String> imports = new ArrayList<>();
    final List<String> wildcardImports = new ArrayList<>();
    String packagePrefix = "";

    /** {@code head}: the file's code (comments blanked) before its first type declaration. */
    FileNames(String head) {
      for (String statement : head.split(";")) {
        String[] words = statement.strip().split("\\s+", 2);
        if (words.length < 2) {
          continue;
        }
        if (words[1].matches("static\\s[\\s\\S]*")) {
          continue; // a static import names members
        }
        String name = words[1].replaceAll("\\s+", "");
        if (words[0].equals("package")) {
          packagePrefix = name + ".";
        } else if (words[0].equals("import") && name.endsWith(".*")) {
          wildcardImports.add(name.substring(0, name.length() - 2));
        } else if (words[0].equals("import")) {
          imports.add(name);
        }
      }
    }

    String resolve(String name) {
      if (name.contains(".") && Character.isLowerCase(name.charAt(0))) {
        return name;
      }
      String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
      String rest = name.substring(first.length());
      for (String imported : imports) {
        if (imported.endsWith("." + first)) {
          return imported + rest;
        }
      }
      if (LintTypes.jdkClass("java.lang." + first).isPresent()) {
        return "java.lang." + name; // Cloneable, Runnable, Thread…
      }
      for (String wildcard : wildcardImports) {
        if (LintTypes.jdkClass(wildcard + "." + first).isPresent()) {
          return wildcard + "." + name;
        }
      }
      return packagePrefix + name;
    }
  }
}
