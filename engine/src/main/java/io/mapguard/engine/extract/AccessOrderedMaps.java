package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.ReadsThatWrite;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which creations make a LinkedHashMap in access order, whose {@code get} moves the entry (see
 * {@link ReadsThatWrite}): {@code new LinkedHashMap<>(16, 0.75f, true)}, an anonymous subclass
 * created so, and a class of this file whose constructor passes {@code true} as the third argument
 * of {@code super(…)} (the usual LRU cache), or a subclass of one. A class of another file is not
 * read: its creations count as insertion-ordered.
 */
final class AccessOrderedMaps<N> {
  private static final int ACCESS_ORDER_ARGUMENT = 2;

  private final SyntaxPort<N> port;
  private final N topLevel;
  /** The qualified names of this file's access-ordered subclasses, once a creation asked. */
  private Set<String> subclasses;

  AccessOrderedMaps(SyntaxPort<N> port, N topLevel) {
    this.port = port;
    this.topLevel = topLevel;
  }

  /** Whether {@code creation}, a {@link Kind#NEW} of {@code chain} (type and supertypes), makes one. */
  boolean creates(N creation, List<String> chain) {
    if (!chain.contains(ReadsThatWrite.LINKED_HASH_MAP)) {
      return false;
    }
    boolean linkedHashMap = chain.get(0).equals(ReadsThatWrite.LINKED_HASH_MAP);
    if ((linkedHashMap || port.hasClassBody(creation)) && passesAccessOrder(port.arguments(creation))) {
      return true;
    }
    if (linkedHashMap || topLevel == null) {
      return false;
    }
    if (subclasses == null) {
      subclasses = findSubclasses();
    }
    return chain.stream().anyMatch(subclasses::contains);
  }

  private boolean passesAccessOrder(List<N> arguments) {
    if (arguments == null || arguments.size() != ACCESS_ORDER_ARGUMENT + 1) {
      return false;
    }
    N flag = port.skipParens(arguments.get(ACCESS_ORDER_ARGUMENT));
    return port.kind(flag) == Kind.LITERAL && "true".equals(port.literalKey(flag));
  }

  private Set<String> findSubclasses() {
    Set<String> found = new HashSet<>();
    port.forEachNodeOf(
        topLevel,
        EnumSet.of(Kind.METHOD),
        false,
        method -> {
          if (port.isConstructor(method) && passesAccessOrder(port.superConstructorArguments(method))) {
            for (SyntaxPath<N> p = port.pathTo(method).parent(); p != null; p = p.parent()) {
              if (port.kind(p.leaf()) == Kind.CLASS) {
                List<String> types = port.classTypes(p.leaf());
                if (types.contains(ReadsThatWrite.LINKED_HASH_MAP)) {
                  found.add(types.get(0));
                }
                break;
              }
            }
          }
        });
    return found;
  }
}
