package io.mapguard.lint.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import io.mapguard.lint.symbols.AstNodes;
import io.mapguard.lint.symbols.LintSymbols;
import io.mapguard.lint.symbols.LintTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a parsed file says about the static types its calls are made on, so that a project-wide
 * question about {@code HostConfig.start()} parses only the files that call a {@code start()} on
 * something that may be a {@code HostConfig} (of Tomcat's 90 files calling a {@code start()}, most
 * start a {@code Thread} or another component). Read from the tree with the file's own scopes and
 * imports ({@link LintSymbols}), never the symbol solver: a receiver whose type that cannot tell is
 * {@link #UNKNOWN}, and a key only ever makes a file be parsed (too many, never too few).
 *
 * @param receiversByCall for each {@code name/arity} the file calls, the erased qualified types of
 *     the receivers it calls it on (the enclosing classes for an unqualified call), {@link #UNKNOWN}
 *     among them when one cannot be told
 * @param referencedNames the names its method references name (a reference may be to any method of
 *     the name)
 * @param declaredTypes the file's named classes and interfaces, for the project's hierarchy
 */
public record ReceiverKeys(
    Map<String, Set<String>> receiversByCall, Set<String> referencedNames, List<DeclaredType> declaredTypes) {
  /** A receiver whose static type the file does not tell (a call's result, an inherited field…). */
  public static final String UNKNOWN = "?";

  public ReceiverKeys {
    // kept for every file of a scan until its questions are answered, and the same names recur in
    // every file: one string each
    Map<String, Set<String>> copy = new HashMap<>();
    receiversByCall.forEach(
        (call, receivers) -> {
          List<String> interned = new ArrayList<>(receivers.size());
          receivers.forEach(receiver -> interned.add(receiver.intern()));
          copy.put(call.intern(), Set.copyOf(interned));
        });
    receiversByCall = Map.copyOf(copy);
    referencedNames = Set.copyOf(referencedNames);
    declaredTypes = List.copyOf(declaredTypes);
  }

  /**
   * A named class or interface of the file.
   *
   * @param name its erased qualified name ({@code pkg.Outer.Inner})
   * @param supertypes the qualified names of the types it extends and implements as written, {@link
   *     #UNKNOWN} for one the file's imports do not name
   * @param methods the {@code name/arity} of every method it declares
   */
  public record DeclaredType(String name, Set<String> supertypes, Set<String> methods) {
    public DeclaredType {
      supertypes = Set.copyOf(supertypes);
      methods = Set.copyOf(methods);
    }
  }

  /** The key of the calls of {@code name} with {@code arity} arguments. */
  public static String callKey(String name, int arity) {
    return name + "/" + arity;
  }

  /**
   * Whether the file may call {@code name/arity} on a receiver of which {@code mayBeCandidate} says
   * yes, or references a method of the name.
   */
  public boolean mayCall(String name, int arity, java.util.function.Predicate<String> mayBeCandidate) {
    if (referencedNames.contains(name)) {
      return true;
    }
    Set<String> receivers = receiversByCall.get(callKey(name, arity));
    if (receivers == null) {
      return false;
    }
    for (String receiver : receivers) {
      if (receiver.equals(UNKNOWN) || mayBeCandidate.test(receiver)) {
        return true;
      }
    }
    return false;
  }

  /** The keys of {@code unit}, whose names {@code symbols} (of the same file) look up. */
  public static ReceiverKeys of(CompilationUnit unit, LintSymbols symbols) {
    Collector collector = new Collector(unit, symbols);
    AstNodes.forEachInOrder(unit, collector::visit);
    return collector.keys();
  }

  /**
   * Gathers a file's keys node by node, so that the scan's one walk of a file for its {@link
   * CallKeys} gathers these too ({@link CallKeys#of(CompilationUnit, java.util.function.Predicate,
   * Collector)}).
   */
  public static final class Collector {
    private final LintSymbols symbols;
    /** Whether an unqualified call may be of a statically imported method. */
    private final boolean staticImports;
    private final Map<String, Set<String>> receivers = new HashMap<>();
    private final Set<String> referenced = new HashSet<>();
    private final List<DeclaredType> declared = new ArrayList<>();

    /** For {@code unit}, whose names {@code symbols} (of the same file) look up. */
    public Collector(CompilationUnit unit, LintSymbols symbols) {
      this.symbols = symbols;
      this.staticImports = unit.getImports().stream().anyMatch(i -> i.isStatic());
    }

    /** Takes in one node of the file's walk ({@link AstNodes#forEachInOrder}). */
    public void visit(Node node) {
      if (node instanceof MethodCallExpr call) {
        Set<String> types =
            receivers.computeIfAbsent(callKey(call.getNameAsString(), call.getArguments().size()), k -> new HashSet<>());
        if (!types.contains(UNKNOWN)) {
          addReceiverTypes(call, symbols, staticImports, types);
        }
      } else if (node instanceof MethodReferenceExpr reference) {
        referenced.add(reference.getIdentifier());
      } else if (node instanceof TypeDeclaration<?> type) {
        symbols.types().qualifiedName(type).ifPresent(name -> declared.add(declaredType(name, type, symbols.types())));
      }
    }

    public ReceiverKeys keys() {
      return new ReceiverKeys(receivers, referenced, declared);
    }
  }

  private static DeclaredType declaredType(String name, TypeDeclaration<?> type, LintTypes types) {
    Set<String> methods = new HashSet<>();
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof MethodDeclaration method) {
        methods.add(callKey(method.getNameAsString(), method.getParameters().size()));
      }
    }
    return new DeclaredType(name, supertypes(type, types), methods);
  }

  /**
   * The qualified names of the types {@code type} extends and implements as written (an enum's
   * {@code Enum}, a record's {@code Record}), {@link #UNKNOWN} for one its file's imports do not name.
   */
  private static Set<String> supertypes(TypeDeclaration<?> type, LintTypes types) {
    Set<String> supertypes = new HashSet<>();
    if (type instanceof EnumDeclaration) {
      supertypes.add("java.lang.Enum");
    } else if (type instanceof RecordDeclaration) {
      supertypes.add("java.lang.Record");
    }
    for (String resolved : types.writtenSupertypes(type)) {
      supertypes.add(resolved == null ? UNKNOWN : resolved);
    }
    return supertypes;
  }

  /**
   * Adds the static types {@code call} may be made on: the receiver's declared type, or for an
   * unqualified or {@code this}/{@code super} call the classes whose object it runs on.
   */
  private static void addReceiverTypes(
      MethodCallExpr call, LintSymbols symbols, boolean staticImports, Set<String> out) {
    LintTypes types = symbols.types();
    Expression scope = call.getScope().map(LintSymbols::skipParens).orElse(null);
    if (scope instanceof SuperExpr zuper && zuper.getTypeName().isEmpty()) {
      addSupertypesOfEnclosing(call, types, out);
      return;
    }
    if (scope == null || scope instanceof ThisExpr self && self.getTypeName().isEmpty()) {
      // unqualified: a method of an enclosing class's object (or of its superclasses, whose
      // subtype it is); this: of the innermost one
      addEnclosingTypes(call, types, scope != null, out);
      if (scope == null && staticImports) {
        out.add(UNKNOWN);
      }
      return;
    }
    String type = null;
    if (scope instanceof ThisExpr self) {
      type = types.resolveName(self.getTypeName().get().asString(), call);
    } else if (scope instanceof SuperExpr zuper) {
      type = types.resolveName(zuper.getTypeName().get().asString(), call);
    } else if (scope instanceof NameExpr name) {
      LintSymbols.Variable variable = symbols.variable(name);
      if (variable != null) {
        // a var's type from a call is the erasure of what the call returns (List.get's Object for
        // a List<Listener>): only a new object's or a cast's type is the variable's
        boolean typedByCall =
            variable.type() != null
                && variable.type().isVarType()
                && !(variable.declaration() instanceof com.github.javaparser.ast.body.VariableDeclarator declarator
                    && declarator.getInitializer().map(LintSymbols::skipParens)
                        .filter(value -> value instanceof ObjectCreationExpr || value instanceof CastExpr)
                        .isPresent());
        type = typedByCall ? null : symbols.typeOf(variable);
      } else {
        // a type (Registry.getRegistry(…)) when it is named like one, else perhaps a field
        // inherited from another file's class or imported statically (asking the tree whether it
        // declares the type reads files' headers: nearly half of these keys' time on java.base)
        type = namedLikeAType(name.getNameAsString()) ? types.resolveName(name.getNameAsString(), call) : null;
      }
    } else if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      type = symbols.typeOf(access);
    } else if (scope instanceof ObjectCreationExpr || scope instanceof CastExpr) {
      type = symbols.typeOf(scope);
    }
    out.add(type == null ? UNKNOWN : type);
  }

  /**
   * The types {@code super} names in {@code call}: those the innermost enclosing class extends and
   * implements ({@code java.lang.Object} when none is written), the type an anonymous class extends.
   */
  private static void addSupertypesOfEnclosing(Node call, LintTypes types, Set<String> out) {
    Node child = call;
    for (Node n = call.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> declaration) {
        if (types.qualifiedName(declaration).isEmpty()) {
          out.add(UNKNOWN);
          return;
        }
        Set<String> supertypes = supertypes(declaration, types);
        out.addAll(supertypes.isEmpty() ? Set.of("java.lang.Object") : supertypes);
        return;
      }
      if (n instanceof ObjectCreationExpr creation
          && creation.getAnonymousClassBody().isPresent()
          && child instanceof BodyDeclaration) {
        String type = types.resolve(creation.getType());
        out.add(type == null ? UNKNOWN : type);
        return;
      }
      if (n instanceof EnumConstantDeclaration && child instanceof BodyDeclaration) {
        // a constant's body extends its enum
        out.add(n.getParentNode().orElse(null) instanceof TypeDeclaration<?> declaration
            ? types.qualifiedName(declaration).orElse(UNKNOWN)
            : UNKNOWN);
        return;
      }
    }
    out.add(UNKNOWN);
  }

  /** {@code Registry}, not {@code registry} nor the constant {@code INSTANCE}. */
  private static boolean namedLikeAType(String identifier) {
    return Character.isUpperCase(identifier.charAt(0)) && !identifier.equals(identifier.toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * The enclosing classes of {@code call} (only the innermost when {@code innermost}): an anonymous
   * class as the type it extends; a local class, whose name is not qualified, as {@link #UNKNOWN}.
   */
  private static void addEnclosingTypes(Node call, LintTypes types, boolean innermost, Set<String> out) {
    Node child = call;
    for (Node n = call.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
      String type = null;
      if (n instanceof TypeDeclaration<?> declaration) {
        type = types.qualifiedName(declaration).orElse(UNKNOWN);
      } else if (n instanceof ObjectCreationExpr creation
          && creation.getAnonymousClassBody().isPresent()
          && child instanceof BodyDeclaration) {
        type = types.resolve(creation.getType());
        if (type == null) {
          type = UNKNOWN;
        }
      }
      if (type != null) {
        out.add(type);
        if (innermost) {
          return;
        }
      }
    }
  }
}
