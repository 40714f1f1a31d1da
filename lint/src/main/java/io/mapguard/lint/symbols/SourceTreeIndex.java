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
import java.util.function.Predicate;
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

  /** An annotation, with its arguments: what a field's declaration may say besides modifiers and type. */
  private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(\\s*\\([^)]*\\))?");

  private final List<Path> roots;
  /** What each tree type's header says (empty when the type is not in the tree): small, kept. */
  private final Map<String, Optional<Declaration>> headers = new ConcurrentHashMap<>();
  /** The same for every type of a file, by the file's path under a root (empty: no such file). */
  private final Map<String, Optional<Map<String, Declaration>>> files = new ConcurrentHashMap<>();
  /** {@link #hasFileOf}'s answers, by the file's path under a root. */
  private final Map<String, Boolean> fileExists = new ConcurrentHashMap<>();

  /**
   * The names of the fields the classes of a file declare that may be maps a subclass inherits
   * ({@link #inheritableMapFields}), by simple name, by the file's path under a root: for the files
   * asked about, when first asked (most files the index reads never are), from the text the header
   * read left ({@link #recentlyRead}) or read again.
   */
  private final Map<String, Map<String, List<String>>> inheritableMapFields = new ConcurrentHashMap<>();
  /**
   * The code-only text of the last few files {@link #declarationsIn} read, by path: the one {@link
   * #inheritableMapFieldsIn} most often asks for next (a superclass's header, then its fields),
   * which then needs no second read. A few: one or two for each worker of the scan.
   */
  private final Map<String, String> recentlyRead =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
              return size() > RECENTLY_READ_FILES;
            }
          });

  private static final int RECENTLY_READ_FILES = 4;

  /**
   * What the header of one type declaration says: the supertypes it names, its superclass (a
   * class's {@code extends}; null for other kinds and for a class that names none), the file
   * that declares it (its path under a root), and the names of the methods that file may declare
   * {@code synchronized} ({@link #synchronizedMethodNames}; null: any).
   */
  private record Declaration(
      List<String> supertypes, String superclass, String file, Set<String> synchronizedMethodNames) {
    /** A name the file's headers do not show: nothing known of it. */
    static Declaration none(String file) {
      return new Declaration(List.of(), null, file, null);
    }
  }

  public SourceTreeIndex(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /** Whether the tree has a file for {@code qualifiedName} (its own, or its top-level class's). */
  boolean declares(String qualifiedName) {
    return header(qualifiedName).isPresent();
  }

  /**
   * Whether a root has the file of the top-level type {@code qualifiedName} ({@code p/Name.java}
   * for {@code p.Name}), without reading it: asked of every name that {@code java.lang} or an
   * on-demand import may give, so a file's headers are not read for it.
   */
  boolean hasFileOf(String qualifiedName) {
    return fileExists.computeIfAbsent(
        qualifiedName.replace('.', '/') + ".java",
        relative -> files.containsKey(relative)
            ? files.get(relative).isPresent()
            : roots.stream().anyMatch(root -> Files.isRegularFile(root.resolve(relative))));
  }

  /** The supertypes named in the declaration header of {@code qualifiedName}, when the tree declares it. */
  Optional<List<String>> declaredSupertypes(String qualifiedName) {
    return header(qualifiedName).map(Declaration::supertypes);
  }

  /**
   * Whether the tree declares {@code qualifiedName} in a file that may declare a {@code
   * synchronized} method named {@code method} ({@link #synchronizedMethodNames}): false for a type of
   * the tree that has none, and for a type the tree does not declare.
   */
  boolean mayHaveSynchronizedMethod(String qualifiedName, String method) {
    return header(qualifiedName)
        .map(Declaration::synchronizedMethodNames)
        .map(names -> names == null || names.contains(method))
        .orElse(false);
  }

  /**
   * The names of the methods {@code code} (comments and strings blanked) may declare {@code
   * synchronized}: after each word {@code synchronized}, every name before a {@code (} up to the
   * first {@code {} or {@code ;} outside parentheses (the header's end; an annotation's {@code
   * ({…})} is inside them). A method's name is among them, with those of annotations before it; a
   * {@code synchronized (lock)} block adds only its lock expression's calls.
   */
  static Set<String> synchronizedMethodNames(String code) {
    Set<String> names = new HashSet<>();
    for (int at = code.indexOf("synchronized"); at >= 0; at = code.indexOf("synchronized", at + 1)) {
      int depth = 0;
      for (int i = at + "synchronized".length(); i < code.length(); i++) {
        char c = code.charAt(i);
        if (c == '(') {
          String name = CallText.nameBefore(code, i);
          if (name != null && !name.equals("synchronized")) {
            names.add(name);
          }
          depth++;
        } else if (c == ')') {
          depth = Math.max(0, depth - 1);
        } else if ((c == '{' || c == ';') && depth == 0) {
          break;
        }
      }
    }
    return names;
  }

  /**
   * The names of the fields that the class {@code qualifiedName}, when the tree declares it, and the
   * superclasses its header names, further up through the tree, may declare as maps their
   * subclasses inherit: non-private fields whose declared type's name says it may be a map ({@link
   * #mayBeMapType}; a map class of the tree's own with another name is missed). A "maybe" by text:
   * the symbol solver, which parses whole files, is asked only then.
   */
  Set<String> inheritableMapFieldNames(String qualifiedName) {
    Set<String> names = new HashSet<>();
    upTheSuperclasses(
        qualifiedName,
        fields -> {
          names.addAll(fields);
          return false;
        });
    return names;
  }

  /**
   * Whether one of {@link #inheritableMapFieldNames} is a name {@code named} accepts; the
   * superclasses are read only as far as the first.
   */
  public boolean inheritableMapFieldNamed(String qualifiedName, Predicate<String> named) {
    return upTheSuperclasses(qualifiedName, fields -> fields.stream().anyMatch(named));
  }

  /**
   * Hands {@code stop} the {@link #inheritableMapFields} of {@code qualifiedName}, then of each
   * superclass its header names, through the tree, until it returns true (then true).
   */
  private boolean upTheSuperclasses(String qualifiedName, Predicate<List<String>> stop) {
    String type = qualifiedName;
    Set<String> seen = new HashSet<>();
    for (int depth = 0; type != null && depth <= MAX_DEPTH && seen.add(type); depth++) {
      Optional<Declaration> declaration = header(type);
      if (declaration.isEmpty()) {
        return false;
      }
      String simpleName = type.substring(type.lastIndexOf('.') + 1);
      List<String> fields =
          inheritableMapFields
              .computeIfAbsent(declaration.get().file(), this::inheritableMapFieldsIn)
              .getOrDefault(simpleName, List.of());
      if (stop.test(fields)) {
        return true;
      }
      type = declaration.get().superclass();
    }
    return false;
  }

  /**
   * {@link #inheritableMapFields} of each class (the first declaration of a name) of the tree's
   * file at {@code relative}, by simple name; none when it cannot be read or scanned.
   */
  private Map<String, List<String>> inheritableMapFieldsIn(String relative) {
    String recent = recentlyRead.get(relative);
    if (recent != null) {
      return inheritableMapFieldsOf(recent);
    }
    try {
      Optional<String> source = sourceOf(relative);
      return source.isPresent() && mayNameMapType(source.get())
          ? inheritableMapFieldsOf(JavaLexicalScanner.codeOnly(source.get()))
          : Map.of();
    } catch (IOException e) {
      return Map.of(); // costs the subclasses their inherited maps, not more
    }
  }

  /** The text of the tree's file at {@code relative}, under the first root that has one. */
  private Optional<String> sourceOf(String relative) throws IOException {
    for (Path root : roots) {
      Path file = root.resolve(relative);
      if (Files.isRegularFile(file)) {
        return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  /** {@link #inheritableMapFieldsIn} of a file whose code-only text is {@code code}. */
  private static Map<String, List<String>> inheritableMapFieldsOf(String code) {
    if (!mayNameMapType(code)) {
      return Map.of();
    }
    try {
      char[] chars = code.toCharArray();
      Map<String, List<String>> fields = new HashMap<>();
      for (int[] at : declarations(code)) {
        int body = code.indexOf('{', at[2]);
        String name = code.substring(at[1], at[2]);
        if (code.startsWith("class", at[0]) && body >= 0 && !fields.containsKey(name)) {
          fields.put(name, inheritableMapFields(code, chars, body));
        }
      }
      return fields;
    } catch (RuntimeException e) {
      return Map.of(); // a text the scan does not expect costs the subclasses their inherited maps, not more
    }
  }

  /** Whether {@code text} has a word {@link #mayBeMapType} may accept. */
  private static boolean mayNameMapType(String text) {
    return text.contains("Map") || text.contains("Hashtable") || text.contains("Properties");
  }

  /** What the declaration of {@code qualifiedName} says, when the tree declares it. */
  private Optional<Declaration> header(String qualifiedName) {
    return headers.computeIfAbsent(qualifiedName, this::findHeader);
  }

  private Optional<Declaration> findHeader(String qualifiedName) {
    if (!qualifiedName.contains(".") || roots.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = qualifiedName.split("\\.");
    String simpleName = parts[parts.length - 1];
    // pkg.Outer.Inner lives in pkg/Outer.java: try the longest path first
    for (int end = parts.length; end >= 1; end--) {
      String relative = String.join("/", java.util.Arrays.copyOf(parts, end)) + ".java";
      Optional<Map<String, Declaration>> declared = files.computeIfAbsent(relative, this::declarationsIn);
      if (declared.isPresent()) {
        return Optional.of(declared.get().getOrDefault(simpleName, Declaration.none(relative)));
      }
    }
    return Optional.empty();
  }

  /**
   * What each type declared in the tree's file at {@code relative} says (by simple name, the first
   * declaration of a name winning), or empty when no root has the file. One read per file: its
   * nested types share it.
   */
  private Optional<Map<String, Declaration>> declarationsIn(String relative) {
    try {
      Optional<String> source = sourceOf(relative);
      if (source.isEmpty()) {
        return Optional.empty();
      }
      // declarations only: comments and strings mention class names too ("{@code class Foo extends Bar}")
      String code = JavaLexicalScanner.codeOnly(source.get());
      recentlyRead.put(relative, code);
      Map<String, Declaration> declared = new HashMap<>();
      List<int[]> declarations = declarations(code);
      // imports and the package come before the first declaration
      FileNames names = new FileNames(code.substring(0, declarations.isEmpty() ? 0 : declarations.get(0)[0]));
      Set<String> synchronizedMethods = synchronizedMethodNames(code);
      for (int[] at : declarations) {
        String name = code.substring(at[1], at[2]);
        if (!declared.containsKey(name)) {
          declared.put(name, declaration(code, at, names, relative, synchronizedMethods));
        }
      }
      return Optional.of(declared);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
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
    Optional<List<String>> supertypes = declaredSupertypes(type);
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

  /** What the header whose keyword and name are {@code at} ({@link #declarations}) in {@code file} says. */
  private static Declaration declaration(
      String code, int[] at, FileNames names, String file, Set<String> synchronizedMethodNames) {
    String[] superclass = {null};
    List<String> supertypes = supertypesInHeader(code, at[2], names, superclass);
    return new Declaration(
        supertypes, code.startsWith("class", at[0]) ? superclass[0] : null, file, synchronizedMethodNames);
  }

  /**
   * The names of the fields that the body opening at {@code open} declares, among its own members,
   * that are not private and whose declared type may be a map ({@link #addInheritableMapFields}). Members
   * end at a {@code ;} of the body's own level; a block there ends a method, an initializer or a
   * nested type (skipped), unless it comes after an {@code =} (an array initializer, an anonymous
   * class, a lambda: part of the field).
   */
  private static List<String> inheritableMapFields(String code, char[] chars, int open) {
    List<String> names = new ArrayList<>();
    int memberStart = open + 1;
    for (int at = open + 1; at < chars.length; at++) {
      char c = chars[at];
      if (c == '}') {
        break; // the body's end
      }
      if (c == ';') {
        addInheritableMapFields(code.substring(memberStart, at), names);
        memberStart = at + 1;
      } else if (c == '{') {
        boolean initializer = assignmentIn(chars, memberStart, at) >= 0;
        at = matchingBrace(chars, at);
        if (!initializer) {
          memberStart = at + 1;
        }
      }
    }
    return names;
  }

  /**
   * The offset of the first {@code =} of {@code chars} from {@code from} to {@code to} outside
   * parentheses (an annotation's {@code name = value}), or -1.
   */
  private static int assignmentIn(char[] chars, int from, int to) {
    int depth = 0;
    for (int at = from; at < to; at++) {
      char c = chars[at];
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '=' && depth == 0) {
        return at;
      }
    }
    return -1;
  }

  /** The offset of the brace that closes the one at {@code open}, or the text's last offset. */
  private static int matchingBrace(char[] chars, int open) {
    int depth = 0;
    for (int at = open; at < chars.length; at++) {
      char c = chars[at];
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return at;
      }
    }
    return chars.length - 1;
  }

  /**
   * Adds the names {@code member} (one member's text up to its {@code ;}) declares when it is a
   * field of {@link #inheritableMapFields}: not private, its declared type a map by its simple name
   * ({@link #mayBeMapType}). A declarator after the first initializer is missed ({@code Map<K, V> a
   * = …, b}).
   */
  private static void addInheritableMapFields(String member, List<String> names) {
    if (!mayNameMapType(member)) {
      return; // most members: one look, no copy
    }
    int equals = assignmentIn(member.toCharArray(), 0, member.length());
    String declaration = equals < 0 ? member : member.substring(0, equals);
    if (!mayNameMapType(declaration)) {
      return;
    }
    declaration = ANNOTATION.matcher(declaration).replaceAll(" ");
    if (declaration.indexOf('(') >= 0) {
      return; // a method without a body
    }
    String previous;
    do {
      previous = declaration;
      declaration = GENERICS.matcher(declaration).replaceAll("");
    } while (!declaration.equals(previous));
    String[] declarators = declaration.split(",");
    List<String> words = List.of(declarators[0].strip().split("\\s+"));
    if (words.size() < 2 || words.contains("private") || !mayBeMapType(words.get(words.size() - 2))) {
      return;
    }
    names.add(words.get(words.size() - 1));
    for (int i = 1; i < declarators.length; i++) {
      String[] more = declarators[i].strip().split("\\s+");
      names.add(more[more.length - 1]);
    }
  }

  /**
   * Whether a field declared with the type {@code type} (as written, without type arguments) may be
   * a map a rule is about: its simple name ends with {@code Map} (every map type of the knowledge
   * tables but two does: {@code HashMap}, {@code ConcurrentMap}, {@code HashBiMap}, a class of the
   * tree named so), or is {@code Hashtable} or {@code Properties}; not an {@code Immutable…} one,
   * which no rule is about, nor an array.
   */
  private static boolean mayBeMapType(String type) {
    String simpleName = type.substring(type.lastIndexOf('.') + 1);
    return simpleName.endsWith("Map") && !simpleName.startsWith("Immutable")
        || simpleName.equals("Hashtable")
        || simpleName.equals("Properties");
  }

  /**
   * Names after {@code extends}/{@code implements} in the declaration header at {@code headerStart},
   * resolved by text; {@code superclass[0]} is set to the first name after {@code extends}.
   */
  private static List<String> supertypesInHeader(
      String text, int headerStart, FileNames fileNames, String[] superclass) {
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
    boolean afterExtends = false;
    for (String word : header.replace(",", " , ").strip().split("\\s+")) {
      if (word.equals("extends") || word.equals("implements")) {
        inSupertypes = true;
        expectingName = true;
        afterExtends = word.equals("extends");
      } else if (word.equals(",")) {
        expectingName = inSupertypes;
        afterExtends = false;
      } else if (expectingName && !word.startsWith("@")) {
        names.add(fileNames.resolve(word));
        if (afterExtends && superclass[0] == null) {
          superclass[0] = names.get(names.size() - 1);
        }
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
