package io.mapguard.lint.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTreeIndexTest {
  @TempDir Path root;

  private void write(String relative, String source) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
  }

  @Test
  void readsEachDeclarationHeaderOfAFileIgnoringCommentsAndStrings() throws IOException {
    write(
        "p/Outer.java",
        "/* class Outer extends java.util.HashMap { */\n"
            + "package p;\n"
            + "import java.util.concurrent.ConcurrentHashMap;\n"
            + "import static java.util.Map.entry;\n"
            + "import java.util.*;\n"
            + "/** {@code class Outer extends TreeMap} */\n"
            + "public class Outer<K extends Comparable<K>> extends Base implements Runnable {\n"
            + "  String s = \"class Outer extends HashMap\";\n"
            + "  Class<?> c = Outer.class;\n"
            + "  static final class Cache extends ConcurrentHashMap<String, String> {}\n"
            + "  interface Store extends Map<String, String>, Cloneable {}\n"
            + "  record Pair(int a, int b) implements Comparable<Pair> {}\n"
            + "  sealed interface Shape permits Square {}\n"
            + "}\n");
    SourceTreeIndex index = new SourceTreeIndex(List.of(root));

    assertEquals(Optional.of(List.of("p.Base", "java.lang.Runnable")), index.declaredSupertypes("p.Outer"));
    assertEquals(
        Optional.of(List.of("java.util.concurrent.ConcurrentHashMap")), index.declaredSupertypes("p.Outer.Cache"));
    assertEquals(
        Optional.of(List.of("java.util.Map", "java.lang.Cloneable")), index.declaredSupertypes("p.Outer.Store"));
    assertEquals(Optional.of(List.of("java.lang.Comparable")), index.declaredSupertypes("p.Outer.Pair"));
    assertEquals(Optional.of(List.of()), index.declaredSupertypes("p.Outer.Shape"));
    assertEquals(Optional.empty(), index.declaredSupertypes("p.Missing"));
  }

  /** Only a file whose code says {@code synchronized} has the symbol solver read it for its methods. */
  @Test
  void tellsWhichFilesMayDeclareSynchronizedMethods() throws IOException {
    write(
        "p/Locked.java",
        "package p;\nclass Locked extends java.util.HashMap<String, String> {\n"
            + "  static class Nested {}\n"
            + "  @Override public synchronized String put(String k, String v) { return super.put(k, v); }\n}\n");
    write(
        "p/Unlocked.java",
        "package p;\n/** Not synchronized: callers lock it. */\nclass Unlocked extends java.util.HashMap<String, String> {\n"
            + "  String note = \"synchronized\";\n"
            + "  @Override public String put(String k, String v) { return super.put(k, v); }\n}\n");
    SourceTreeIndex index = new SourceTreeIndex(List.of(root));

    assertTrue(index.mayHaveSynchronizedMethod("p.Locked", "put"));
    assertFalse(index.mayHaveSynchronizedMethod("p.Locked", "get"), "only put is declared synchronized");
    assertTrue(index.mayHaveSynchronizedMethod("p.Locked.Nested", "put"), "by the file, not the class");
    assertFalse(index.mayHaveSynchronizedMethod("p.Unlocked", "put"), "comments and strings do not count");
    assertFalse(index.mayHaveSynchronizedMethod("p.Missing", "put"));
    assertFalse(index.mayHaveSynchronizedMethod("java.util.Hashtable", "put"), "not the tree's");

    assertTrue(index.hasFileOf("p.Locked"));
    assertFalse(index.hasFileOf("p.Process"), "java.lang's Process is not shadowed here");
    write("p/Process.java", "package p;\nclass Process {}\n");
    assertTrue(new SourceTreeIndex(List.of(root)).hasFileOf("p.Process"));
  }

  /**
   * Every method declared synchronized is named, whatever stands between the modifier and its name;
   * a synchronized block names only the calls of its lock expression.
   */
  @Test
  void namesTheMethodsATextDeclaresSynchronized() {
    assertEquals(
        Set.of("put", "Guarded", "remove", "lockOf", "clear", "synchronizedMap"),
        SourceTreeIndex.synchronizedMethodNames(
            "class C {\n"
                + "  public synchronized V put(K k, V v) { return null; }\n"
                + "  synchronized @Guarded(by = {\"a\", \"b\"}) <T extends Comparable<T>> T remove(Object k) {\n"
                + "    synchronized (lockOf(k)) { return get(k); }\n"
                + "  }\n"
                + "  protected final synchronized native void clear();\n"
                + "  Map<K, V> view() { return Collections.synchronizedMap(this); }\n"
                + "  V get(Object k) { synchronized (this) { return null; } }\n"
                + "}\n"));
    assertEquals(Set.of(), SourceTreeIndex.synchronizedMethodNames("class D { void f() {} }"));
  }

  @Test
  void followsHeadersThroughTheTreeToJdkTypes() throws IOException {
    write("p/Base.java", "package p;\npublic class Base extends java.util.LinkedHashMap<String, String> {}\n");
    write("p/Leaf.java", "package p;\n\nfinal class Leaf extends Base {}\n");
    write("p/Plain.java", "package p;\nclass Plain extends Thread implements java.io.Serializable {}\n");
    write("p/Library.java", "package p;\nimport com.acme.Thing;\nclass Library extends Thing {}\n");
    SourceTreeIndex index = new SourceTreeIndex(List.of(root));

    assertTrue(index.subtypeByHeaders("p.Leaf", "java.util.Map"));
    assertFalse(index.subtypeByHeaders("p.Plain", "java.util.Map"));
    assertNull(index.subtypeByHeaders("p.Library", "java.util.Map"), "only the solver can tell");
    assertNull(index.subtypeByHeaders("q.NotInTree", "java.util.Map"));
  }

  @Test
  void namesTheFieldsAClassMayDeclareAsMapsItsSubclassesInherit() throws IOException {
    write(
        "p/Base.java",
        "package p;\n"
            + "import java.util.*;\n"
            + "public abstract class Base extends Root {\n"
            + "  private final Map<String, String> own = new HashMap<>();\n"
            + "  // protected Map<String, String> commented;\n"
            + "  String mapName = \"Map<String, String> inText\";\n"
            + "  protected abstract Map<String, String> view();\n"
            + "  Runnable r = () -> { Map<String, String> local = new HashMap<>(); };\n"
            + "  void fill() { Map<String, String> local = new HashMap<>(); local.clear(); }\n"
            + "  static class Nested { protected Map<String, String> nested; }\n"
            + "  protected ImmutableMap<String, String> frozen;\n"
            + "  protected Map<String, String>[] shards;\n"
            + "  protected java.util.function.Supplier<Map<String, String>> factory;\n"
            + "  protected MapIteratorCache<String, String> cache;\n"
            + "}\n");
    write("p/Root.java", "package p;\npublic class Root {\n  @Deprecated(since = \"1\") protected int[] counts = {1, 2};\n}\n");
    write(
        "p/Shared.java",
        "package p;\n"
            + "public class Shared {\n"
            + "  @SuppressWarnings(\"x\") protected final java.util.Map<String, Integer> counts = new java.util.HashMap<>() {{\n"
            + "    put(\"a\", 1);\n"
            + "  }};\n"
            + "  @SuppressWarnings(value = \"all\") void clear() { counts.clear(); }\n"
            + "  @Named(value = \"x\") public static Map<String, Map<String, Integer>> first, second;\n"
            + "  protected java.util.Properties settings;\n"
            + "}\n");
    write("p/Leaf.java", "package p;\nclass Leaf extends Shared {}\n");
    write("p/Far.java", "package p;\nclass Far extends Leaf {\n  protected java.util.SortedMap<String, String> far;\n}\n");
    write("p/Loop.java", "package p;\nclass Loop extends Loop {}\n");
    SourceTreeIndex index = new SourceTreeIndex(List.of(root));

    // private, a comment, a string, an abstract method, a lambda's and a method's locals, an
    // immutable map, an array of maps, a supplier of maps, a class whose name only starts with Map
    assertEquals(Set.of(), index.inheritableMapFieldNames("p.Base"));
    assertEquals(Set.of("nested"), index.inheritableMapFieldNames("p.Base.Nested"));
    // with an annotation, an anonymous class, several declarators
    assertEquals(Set.of("counts", "first", "second", "settings"), index.inheritableMapFieldNames("p.Shared"));
    assertEquals(
        Set.of("counts", "first", "second", "settings", "far"), index.inheritableMapFieldNames("p.Far")); // up the superclasses
    assertEquals(Set.of(), index.inheritableMapFieldNames("p.Loop"));
    assertEquals(Set.of(), index.inheritableMapFieldNames("p.Missing"));
    assertEquals(Set.of(), index.inheritableMapFieldNames("java.util.HashMap"));
    assertTrue(index.inheritableMapFieldNamed("p.Far", "first"::equals));
    assertFalse(index.inheritableMapFieldNamed("p.Far", "frozen"::equals));
  }
}
