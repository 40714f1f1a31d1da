package io.mapguard.engine.extract;

import io.mapguard.engine.extract.SyntaxPort.Annotation;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a report says about where a node is, besides its line: the member it is in ({@code
 * pkg.Outer$Inner#get(String)}, {@code …#cache} for a field's initializer) and the names its
 * enclosing declarations suppress with {@code @SuppressWarnings}. Written once for every front end,
 * against the {@link SyntaxPort}.
 *
 * @param <N> the front end's node type
 */
public final class SiteNames<N> {
  private static final Set<String> SUPPRESS_WARNINGS = Set.of("SuppressWarnings", "java.lang.SuppressWarnings");

  private final SyntaxPort<N> port;
  private final String topLevelName;
  /** Each method's display name, made once: every site in it names it. */
  private final Map<N, String> methodNames = new IdentityHashMap<>();

  /** @param topLevelName the simple name of the class analysed, where no named class is found */
  public SiteNames(SyntaxPort<N> port, String topLevelName) {
    this.port = port;
    this.topLevelName = topLevelName;
  }

  /** The member the node at {@code at} is in, after its innermost named class's flat name. */
  public String member(SyntaxPath<N> at) {
    String member = "";
    for (SyntaxPath<N> p = at; p != null; p = p.parent()) {
      N node = p.leaf();
      Kind kind = port.kind(node);
      if (kind == Kind.METHOD && member.isEmpty()) {
        member = methodName(node);
      } else if (member.isEmpty() && port.isVariableDeclaration(node) && !port.declaresLocal(node)) {
        member = port.name(node);
      } else if (kind == Kind.CLASS) {
        String flatName = port.flatName(node);
        if (flatName != null) {
          return flatName + "#" + member;
        }
      }
    }
    return topLevelName + "#" + member;
  }

  /** The display name of a {@link Kind#METHOD} (see {@link SyntaxPort#methodDisplayName}). */
  public String methodName(N method) {
    return methodNames.computeIfAbsent(method, port::methodDisplayName);
  }

  /** What the declarations around the node at {@code at} suppress. */
  public Set<String> suppressions(SyntaxPath<N> at) {
    Set<String> names = new HashSet<>();
    for (SyntaxPath<N> p = at; p != null; p = p.parent()) {
      N node = p.leaf();
      Kind kind = port.kind(node);
      if (kind == Kind.METHOD || kind == Kind.CLASS || kind == Kind.MEMBER || port.isVariableDeclaration(node)) {
        for (Annotation annotation : port.annotations(node)) {
          if (SUPPRESS_WARNINGS.contains(annotation.name())) {
            names.addAll(annotation.values());
          }
        }
      }
    }
    return names;
  }
}
