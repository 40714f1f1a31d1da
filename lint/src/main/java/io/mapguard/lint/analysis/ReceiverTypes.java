package io.mapguard.lint.analysis;

import io.mapguard.engine.project.ProjectMethod;
import io.mapguard.lint.symbols.LintTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The classes and interfaces of the scanned tree as their files declare them ({@link
 * ReceiverKeys.DeclaredType}), and which receivers a call of a project method may be made on: a call
 * reaches {@code HostConfig.lifecycleEvent} only when the method it resolves to is declared by one
 * of {@code HostConfig}'s types that declares a {@code lifecycleEvent} of its arity ({@code
 * LifecycleListener}) or by a subtype of {@code HostConfig}, so its receiver's static type is a
 * subtype of one of those. Built from names alone, it answers wide where it cannot tell: a type of
 * the JDK or of a library among the method's declaring types leaves every receiver possible, and so
 * does a class of the tree whose supertypes it cannot follow.
 */
final class ReceiverTypes {
  /** The tree's classes by qualified name (those of one name in several files merged). */
  private final Map<String, Set<String>> supertypes = new HashMap<>();
  private final Map<String, Set<String>> methods = new HashMap<>();
  /** Each class's direct subclasses and implementations in the tree. */
  private final Map<String, List<String>> subtypes = new HashMap<>();
  /** The tree's classes by simple name. */
  private final Map<String, List<String>> bySimpleName = new HashMap<>();

  /**
   * The names of the top-level classes of the tree's files whose classes are not known (indexed by
   * their text): their file names.
   */
  private final Set<String> unknownClassNames;

  /**
   * @param declared the classes of the files the scan parsed
   * @param unknownClassNames the simple names of the other files' top-level classes (their file names)
   */
  ReceiverTypes(List<ReceiverKeys.DeclaredType> declared, Set<String> unknownClassNames) {
    this.unknownClassNames = Set.copyOf(unknownClassNames);
    for (ReceiverKeys.DeclaredType type : declared) {
      supertypes.computeIfAbsent(type.name(), k -> new HashSet<>()).addAll(type.supertypes());
      methods.computeIfAbsent(type.name(), k -> new HashSet<>()).addAll(type.methods());
      bySimpleName.computeIfAbsent(type.name().substring(type.name().lastIndexOf('.') + 1), k -> new ArrayList<>())
          .add(type.name());
    }
    supertypes.forEach(
        (type, supers) -> {
          for (String supertype : supers) {
            if (supertypes.containsKey(supertype)) {
              subtypes.computeIfAbsent(supertype, k -> new ArrayList<>()).add(type);
            }
          }
        });
  }

  /**
   * Which receiver types a call of {@code method} may be made on ({@link ReceiverKeys#mayCall}); null
   * when any may (a declaring type of the method that is not the tree's, or cannot be told). A call
   * on a receiver runs the method its type declares or inherits (the first of its supertypes up
   * from it to declare one of the name and arity): it is a call of {@code method} when that one is
   * declared by one of {@code method}'s types or by a subtype of its class, as a front end resolves it.
   */
  Predicate<String> possibleReceivers(ProjectMethod method) {
    String call = ReceiverKeys.callKey(method.name(), method.arity());
    Set<String> targets = withSubtypes(List.of(method.owner()));
    for (String type : method.ownerTypes()) {
      if (!methods.containsKey(type)
          && (type.equals(method.owner())
              || !LintTypes.isJdkClass(type)
              || LintTypes.jdkTypeDeclares(type, method.name(), method.arity()))) {
        return null; // a class outside the tree (or a local or anonymous one) may be called through anything
      }
      targets.add(type);
    }
    Map<String, Boolean> memo = new HashMap<>();
    return receiver -> reaches(receiver, call, targets, memo, new HashSet<>());
  }

  /**
   * Whether a call of {@code call} on a receiver of static type {@code receiver} may run the method
   * of one of {@code targets}: the receiver's type declares it, or up its supertypes the first to
   * declare it on some path is one of them; true when a path leaves the tree for a type that is not
   * the JDK's (a library's may declare anything), false when it reaches only the JDK's (which cannot
   * declare a method of one of the tree's classes; a JDK target makes the question unfiltered).
   */
  private boolean reaches(String receiver, String call, Set<String> targets, Map<String, Boolean> memo, Set<String> visiting) {
    Boolean known = memo.get(receiver);
    if (known != null) {
      return known;
    }
    boolean found;
    if (!methods.containsKey(receiver)) {
      found =
          receiver.equals(ReceiverKeys.UNKNOWN)
              || !LintTypes.isJdkClass(receiver)
              || mayNameAClassOfItsPackage(receiver, call, targets, memo, visiting);
    } else if (methods.get(receiver).contains(call)) {
      found = targets.contains(receiver);
    } else if (!visiting.add(receiver)) {
      return false; // a cycle of a broken hierarchy: another path decides
    } else {
      found = false;
      for (String supertype : supertypes.get(receiver)) {
        if (reaches(supertype, call, targets, memo, visiting)) {
          found = true;
          break;
        }
      }
    }
    memo.put(receiver, found);
    return found;
  }

  /**
   * Whether a {@code java.lang} type may stand for a class of the tree of its simple name that may
   * be the receiver. The keys resolve a same-package {@code Compiler} of the tree to it by its file
   * ({@code LintTypes#resolveName}); this covers a class they cannot place so (declared in a file of
   * another name, or under a root whose layout does not follow its package), which they resolve to
   * {@code java.lang.Compiler} when the JDK mapvet runs on has one.
   */
  private boolean mayNameAClassOfItsPackage(
      String receiver, String call, Set<String> targets, Map<String, Boolean> memo, Set<String> visiting) {
    String simpleName = receiver.substring(receiver.lastIndexOf('.') + 1);
    if (!receiver.equals("java.lang." + simpleName)) {
      return false;
    }
    return unknownClassNames.contains(simpleName)
        || bySimpleName.getOrDefault(simpleName, List.of()).stream()
            .anyMatch(type -> reaches(type, call, targets, memo, visiting));
  }

  /** {@code types} and their subtypes in the tree, transitively. */
  private Set<String> withSubtypes(List<String> types) {
    Set<String> found = new HashSet<>(types);
    Deque<String> pending = new ArrayDeque<>(types);
    while (!pending.isEmpty()) {
      for (String subtype : subtypes.getOrDefault(pending.pop(), List.of())) {
        if (found.add(subtype)) {
          pending.push(subtype);
        }
      }
    }
    return found;
  }
}
