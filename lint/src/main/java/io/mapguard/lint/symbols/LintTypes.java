package io.mapguard.lint.symbols;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithImplements;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import io.mapguard.engine.extract.Callees;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Type names for one file, as qualified erased names ({@code java.util.HashMap},
 * {@code com.acme.Outer.Inner}). Names resolve through the file's own declarations and imports; JDK
 * types are read by reflection, other types through the symbol solver. Whatever cannot be resolved
 * stays unknown (null / no supertypes): it never fails.
 */
public final class LintTypes implements Callees {
  private static final ClassLoader JDK = ClassLoader.getPlatformClassLoader();
  /** Packages whose classes the running JDK has (reflection answers for them, no solver needed). */
  private static final List<String> JDK_PACKAGE_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");
  private static final Map<String, Optional<Class<?>>> JDK_CLASSES = new java.util.concurrent.ConcurrentHashMap<>();

  private final CompilationUnit unit;
  private final TypeSolver solver;
  private final SourceTreeIndex tree;
  /** Whether library jars were given: only then can the solver know types the tree does not declare. */
  private final boolean withJars;
  /** Supertypes found by the solver, shared by every file one analyzer sees. */
  /** Same-file superclass chains, by type; only complete ones are kept. */
  private final Map<String, List<String>> superclassChains = new HashMap<>();
  private final Map<String, List<String>> solvedAncestors;
  private final String packagePrefix;
  /** Declarations of this file by qualified name. */
  private final Map<String, TypeDeclaration<?>> declared = new HashMap<>();
  /** Single-type imports by simple name (the first import of a name wins, as for javac's error). */
  private final Map<String, String> singleTypeImports = new HashMap<>();
  private final List<String> onDemandImports = new ArrayList<>();
  private final Map<TypeDeclaration<?>, Optional<String>> qualifiedNames = new java.util.IdentityHashMap<>();
  private final Map<String, List<String>> supertypeCache = new HashMap<>();
  private final Set<String> resolvingSuperclasses = new java.util.HashSet<>();
  /** The types of other files of the tree whose declarations were reached ({@link #treeSuperclasses}). */
  private final Map<CompilationUnit, LintTypes> otherFiles = new java.util.IdentityHashMap<>();
  /** {@link #treeSuperclasses}, by type. */
  private final Map<String, List<TypeDeclaration<?>>> treeSuperclasses = new HashMap<>();
  /** How many superclasses in other files {@link #treeSuperclasses} follows at most. */
  private static final int MAX_TREE_SUPERCLASSES = 8;

  public LintTypes(
      CompilationUnit unit,
      TypeSolver solver,
      Map<String, List<String>> solvedAncestors,
      SourceTreeIndex tree,
      boolean withJars) {
    this.withJars = withJars;
    this.unit = unit;
    this.tree = tree;
    this.solver = solver;
    this.solvedAncestors = solvedAncestors;
    this.packagePrefix =
        unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
    // only member types have qualified names, so the walk need not enter bodies
    declareNamedTypes(unit.getTypes());
    for (ImportDeclaration i : unit.getImports()) {
      if (i.isStatic()) {
        continue;
      }
      String imported = i.getNameAsString();
      if (i.isAsterisk()) {
        onDemandImports.add(imported);
      } else {
        singleTypeImports.putIfAbsent(imported.substring(imported.lastIndexOf('.') + 1), imported);
      }
    }
  }

  private void declareNamedTypes(List<? extends BodyDeclaration<?>> members) {
    for (BodyDeclaration<?> member : members) {
      if (member instanceof TypeDeclaration) {
        TypeDeclaration<?> type = (TypeDeclaration<?>) member;
        qualifiedName(type).ifPresent(name -> declared.put(name, type));
        declareNamedTypes(type.getMembers());
      }
    }
  }

  /** {@code pkg.Outer.Inner} for a named (non-local) declaration. */
  public Optional<String> qualifiedName(TypeDeclaration<?> type) {
    return qualifiedNames.computeIfAbsent(type, this::computeQualifiedName);
  }

  private Optional<String> computeQualifiedName(TypeDeclaration<?> type) {
    List<String> parts = new ArrayList<>();
    String prefix = packagePrefix;
    for (Node n = type; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration) {
        parts.add(0, ((TypeDeclaration<?>) n).getNameAsString());
      } else if (n instanceof CompilationUnit file) {
        if (file != unit) { // a declaration of another file of the tree (treeSuperclasses)
          prefix = file.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        }
      } else {
        return Optional.empty(); // a local class
      }
    }
    return Optional.of(prefix + String.join(".", parts));
  }

  /**
   * The superclasses of {@code type} (a class of this file) that other files of the scanned tree
   * declare, nearest first, after those of this file ({@link #sameFileSuperclasses}): their
   * declarations, read through the symbol solver (which parses their files). Up to {@value
   * #MAX_TREE_SUPERCLASSES}; the chain ends at the first that is not the tree's, or that cannot be
   * read.
   */
  public List<TypeDeclaration<?>> treeSuperclasses(String type) {
    List<TypeDeclaration<?>> cached = treeSuperclasses.get(type);
    if (cached != null) {
      return cached;
    }
    List<String> sameFile = superclassChain(type);
    TypeDeclaration<?> declaration = declared.get(sameFile.isEmpty() ? type : sameFile.get(sameFile.size() - 1));
    LintTypes context = this;
    List<TypeDeclaration<?>> chain = new ArrayList<>();
    while (chain.size() < MAX_TREE_SUPERCLASSES
        && declaration instanceof ClassOrInterfaceDeclaration subclass
        && !subclass.getExtendedTypes().isEmpty()) {
      String superclass = context.resolve(subclass.getExtendedTypes().get(0));
      TypeDeclaration<?> next =
          superclass == null
              ? null
              : context.declared.containsKey(superclass) ? context.declared.get(superclass) : treeDeclaration(superclass);
      if (next == null || next == declaration || chain.contains(next)) {
        break;
      }
      chain.add(next);
      declaration = next;
      context = typesOfFileOf(next);
    }
    List<TypeDeclaration<?>> found = List.copyOf(chain);
    treeSuperclasses.put(type, found);
    return found;
  }

  /**
   * Whether {@code type}, a class of this file, may inherit a map field that {@code named} accepts
   * from a superclass another file of the tree declares ({@link
   * SourceTreeIndex#inheritableMapFieldNamed}): a look at the declarations' text, before {@link
   * #treeSuperclasses} has the symbol solver read them.
   */
  public boolean mayInheritMapFromOtherFiles(TypeDeclaration<?> type, Predicate<String> named) {
    String name = qualifiedName(type).orElse(null);
    if (name == null) {
      return false;
    }
    List<String> sameFile = superclassChain(name);
    TypeDeclaration<?> farthest = sameFile.isEmpty() ? type : declared.get(sameFile.get(sameFile.size() - 1));
    if (!(farthest instanceof ClassOrInterfaceDeclaration subclass)
        || subclass.isInterface()
        || subclass.getExtendedTypes().isEmpty()) {
      return false;
    }
    String superclass = resolve(subclass.getExtendedTypes().get(0));
    return superclass != null && !declared.containsKey(superclass) && tree.inheritableMapFieldNamed(superclass, named);
  }

  /**
   * The declaration of {@code qualifiedName} in this file or, read through the symbol solver, in
   * another file of the scanned tree; null otherwise.
   */
  public TypeDeclaration<?> declarationInTree(String qualifiedName) {
    if (qualifiedName == null) {
      return null;
    }
    TypeDeclaration<?> here = declared.get(qualifiedName);
    return here != null ? here : treeDeclaration(qualifiedName);
  }

  /** The declaration of {@code name} in another file of the scanned tree, or null. */
  private TypeDeclaration<?> treeDeclaration(String name) {
    ResolvedReferenceTypeDeclaration solved = tree.declares(name) ? solvedType(name) : null;
    return solved != null && solved.toAst().orElse(null) instanceof TypeDeclaration<?> declaration ? declaration : null;
  }

  /**
   * The erased return type of the methods named {@code name} with {@code arity} parameters that the
   * tree's class {@code owner} declares (in this file, or in another read through the symbol solver),
   * when they all return one type; null otherwise. For the project questions about a few calls
   * ({@code Registry.getRegistry().register(…)}): the class analysis does not parse other files for
   * the methods it calls.
   */
  public String treeMethodReturnType(String owner, String name, int arity) {
    TypeDeclaration<?> declaration = declarationInTree(owner);
    if (declaration == null) {
      return null;
    }
    LintTypes context = typesOfFileOf(declaration);
    String returned = null;
    for (MethodDeclaration method : declaration.getMethodsByName(name)) {
      if (method.getParameters().size() == arity) {
        String type = context.resolve(method.getType());
        if (type == null || returned != null && !returned.equals(type)) {
          return null;
        }
        returned = type;
      }
    }
    return returned;
  }

  /** What the symbol solver says {@code name} is; null without a solver, or when it cannot tell. */
  private ResolvedReferenceTypeDeclaration solvedType(String name) {
    if (solver == null) {
      return null;
    }
    try {
      SymbolReference<ResolvedReferenceTypeDeclaration> ref = solver.tryToSolveType(name);
      return ref.isSolved() ? ref.getCorrespondingDeclaration() : null;
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /**
   * The types as the file that declares {@code declaration} names them: this file's, or those of the
   * other file of the tree it belongs to ({@link #treeSuperclasses}).
   */
  public LintTypes typesOfFileOf(Node declaration) {
    CompilationUnit file = declaration.findCompilationUnit().orElse(unit);
    return file == unit
        ? this
        : otherFiles.computeIfAbsent(file, other -> new LintTypes(other, solver, solvedAncestors, tree, withJars));
  }

  public TypeDeclaration<?> declaration(String qualifiedName) {
    return qualifiedName == null ? null : declared.get(qualifiedName);
  }

  /** The erased qualified name of a type as written at {@code type}, or null. */
  public String resolve(Type type) {
    if (type == null) {
      return null;
    }
    if (type.isArrayType()) {
      return null;
    }
    if (!type.isClassOrInterfaceType()) {
      return null; // primitives, var, wildcards: not maps or locks
    }
    ClassOrInterfaceType classType = type.asClassOrInterfaceType();
    List<String> parts = new ArrayList<>();
    for (ClassOrInterfaceType t = classType; t != null; t = t.getScope().orElse(null)) {
      parts.add(0, t.getNameAsString());
    }
    return resolveName(String.join(".", parts), type);
  }

  /** Resolves {@code Name} or {@code Outer.Inner} or a qualified name as seen from {@code context}. */
  public String resolveName(String name, Node context) {
    int dot = name.indexOf('.');
    String first = dot < 0 ? name : name.substring(0, dot);
    String rest = dot < 0 ? "" : name.substring(dot);
    // a type variable in scope is no type we know anything about
    Node root = null;
    for (Node n = context; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof NodeWithTypeParameters
          && ((NodeWithTypeParameters<?>) n).getTypeParameters().stream()
              .anyMatch(p -> p.getNameAsString().equals(first))) {
        return null;
      }
      root = n;
    }
    if (root instanceof CompilationUnit file && unit != null && file != unit) {
      // code of another file of the tree (a superclass's, a constant's initializer): named by its own imports
      return typesOfFileOf(file).resolveName(name, context);
    }
    // a type declared in this file, nearest enclosing scope first
    for (Node n = context; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration) {
        TypeDeclaration<?> t = (TypeDeclaration<?>) n;
        Optional<String> q = qualifiedName(t);
        if (q.isEmpty()) {
          continue;
        }
        if (t.getNameAsString().equals(first)) {
          return q.get() + rest;
        }
        String member = q.get() + "." + first;
        if (declared.containsKey(member)) {
          return member + rest;
        }
        for (String inherited : superclassChain(q.get())) {
          if (declared.containsKey(inherited + "." + first)) {
            return inherited + "." + first + rest;
          }
        }
      }
    }
    if (declared.containsKey(packagePrefix + first)) {
      return packagePrefix + first + rest;
    }
    String imported = singleTypeImports.get(first);
    if (imported != null) {
      return imported + rest;
    }
    String onDemand = importedOnDemand(first);
    if (onDemand != null) {
      // a class of the same package in another file of the tree shadows it (JLS 6.4.1: Tomcat's
      // jasper.compiler.Compiler, on a JDK that still has java.lang.Compiler); looked for only then
      return !packagePrefix.isEmpty() && tree.hasFileOf(packagePrefix + first)
          ? packagePrefix + first + rest
          : onDemand + rest;
    }
    if (dot > 0 && Character.isLowerCase(first.charAt(0))) {
      return name; // already qualified
    }
    // not imported, not nested, not java.lang: a type of the same package (asking the solver here would
    // parse half the source tree for names that are never maps or locks)
    return packagePrefix + first + rest;
  }

  /** The type {@code simpleName} names through {@code java.lang} or an on-demand import of the file, or null. */
  private String importedOnDemand(String simpleName) {
    if (jdkClass("java.lang." + simpleName).isPresent()) {
      return "java.lang." + simpleName;
    }
    for (String onDemand : onDemandImports) {
      String candidate = onDemand + "." + simpleName;
      if (jdkClass(candidate).isPresent() || tree.declares(candidate) || withJars && solverKnows(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Override
  public String owner(Object callee) {
    return ((Callee) callee).owner();
  }

  @Override
  public boolean ownerKnown(Object callee) {
    return ((Callee) callee).owner() != null;
  }

  @Override
  public String name(Object callee) {
    return ((Callee) callee).name();
  }

  /**
   * The class that declares the callee's method, found by name and arity from the receiver's type
   * up through its supertypes (the JDK's by reflection, this file's and the tree's by their
   * declarations: another file's through the symbol solver, which only a map of a project class of
   * another file needs), when every overload of that arity there is a {@code synchronized} instance
   * method: mapvet does not pick among them. Asked of every call on a map field: when no type of
   * the chain may have such a method ({@link #mayDeclareSynchronized}) the answer is null without
   * the solver parsing the tree's files of the chain (those parses were 6% of a scan of guava).
   */
  @Override
  public String synchronizedMethodOwner(Object callee) {
    Callee c = (Callee) callee;
    if (c.owner() == null || c.name().equals("<init>")) {
      return null;
    }
    List<String> chain = typeAndSupertypes(c.owner());
    if (chain.stream().noneMatch(type -> mayDeclareSynchronized(type, c))) {
      return null;
    }
    for (String type : chain) {
      Optional<Class<?>> jdk = jdkClass(type);
      Boolean synchronizedHere;
      if (jdk.isPresent()) {
        synchronizedHere = jdkSynchronized(jdk.get(), c.name(), c.arity());
      } else {
        TypeDeclaration<?> declaration = declarationInTree(type);
        List<MethodDeclaration> methods =
            declaration == null
                ? List.of()
                : declaration.getMethodsByName(c.name()).stream()
                    .filter(m -> m.getParameters().size() == c.arity())
                    .toList();
        synchronizedHere =
            methods.isEmpty() ? null : methods.stream().allMatch(m -> m.isSynchronized() && !m.isStatic());
      }
      if (synchronizedHere != null) {
        return synchronizedHere ? type : null;
      }
    }
    return null;
  }

  /**
   * Whether {@code type}'s own methods named as the callee, of its arity, may all be synchronized
   * instance methods, as {@link #synchronizedMethodOwner} reads them: a JDK class's by reflection,
   * this file's class's yes, another file's of the tree unless its text declares no {@code
   * synchronized} method of the name ({@link SourceTreeIndex#synchronizedMethodNames}); a type neither
   * the JDK's nor the tree's has none the loop could read.
   */
  private boolean mayDeclareSynchronized(String type, Callee c) {
    Optional<Class<?>> jdk = jdkClass(type);
    if (jdk.isPresent()) {
      return Boolean.TRUE.equals(jdkSynchronized(jdk.get(), c.name(), c.arity()));
    }
    return declared.containsKey(type) || tree.mayHaveSynchronizedMethod(type, c.name());
  }

  /** {@link #jdkSynchronized}'s answers, by class, name and arity: asked of every call on a map field. */
  private static final Map<String, Optional<Boolean>> JDK_SYNCHRONIZED = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Whether the JDK class's own methods {@code name} of {@code arity} (not inherited ones) are all
   * synchronized instance methods; null when it declares none.
   */
  private static Boolean jdkSynchronized(Class<?> type, String name, int arity) {
    return JDK_SYNCHRONIZED
        .computeIfAbsent(type.getName() + '#' + name + '/' + arity, k -> Optional.ofNullable(declaredSynchronized(type, name, arity)))
        .orElse(null);
  }

  private static Boolean declaredSynchronized(Class<?> type, String name, int arity) {
    Boolean all = null;
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(name)
          && m.getParameterCount() == arity
          && !m.isSynthetic()
          && !Modifier.isPrivate(m.getModifiers())) {
        boolean locks = Modifier.isSynchronized(m.getModifiers()) && !Modifier.isStatic(m.getModifiers());
        all = all == null ? locks : all && locks;
      }
    }
    return all;
  }

  @Override
  public boolean ownerIsSubtype(Object callee, String type) {
    return isSubtype(((Callee) callee).owner(), type);
  }

  public boolean isSubtype(String type, String target) {
    return isSubtype(type, target, new java.util.HashSet<>(), true);
  }

  /**
   * JDK types by reflection, this file's types through their declarations, other types of the tree
   * through the symbol solver, but only when a text look at their files says they may be (parsing a
   * file to learn that a type is not a map is the most expensive thing mapvet could do).
   */
  private boolean isSubtype(String type, String target, Set<String> seen, boolean solverAllowed) {
    if (type == null || !seen.add(type)) {
      return false;
    }
    if (type.equals(target)) {
      return true;
    }
    if (jdkClass(type).isPresent()) {
      return typeAndSupertypes(type).contains(target);
    }
    List<String> newer = NewerJdkApis.typeAndSupertypes(type);
    if (newer != null) {
      return newer.contains(target);
    }
    TypeDeclaration<?> local = declared.get(type);
    if (local != null) {
      if (target.equals("java.lang.Object")) {
        return true;
      }
      for (String supertype : directSupertypes(local)) {
        if (isSubtype(supertype, target, seen, solverAllowed)) {
          return true;
        }
      }
      return local instanceof EnumDeclaration && target.equals("java.lang.Enum")
          || local instanceof RecordDeclaration && target.equals("java.lang.Record");
    }
    Boolean byHeaders = tree.subtypeByHeaders(type, target);
    if (byHeaders != null) {
      return byHeaders; // the tree's own declarations decide: no file parsed for it
    }
    if (!withJars || !solverAllowed) {
      // A chain that leaves the tree and the JDK: with no jars the solver cannot resolve that type
      // either, and looking for it parses every file of its package.
      return false;
    }
    return typeAndSupertypes(type).contains(target);
  }

  /**
   * Like {@link #isSubtype} but from this file and the JDK only: for questions asked of every
   * variable (is it a lock?), where a user type is almost never the answer and the solver would parse
   * its file.
   */
  public boolean isSubtypeWithoutSolver(String type, String target) {
    if (type == null) {
      return false;
    }
    if (type.equals(target)) {
      return true;
    }
    if (jdkClass(type).isEmpty() && !declared.containsKey(type)) {
      return false;
    }
    return isSubtype(type, target, new java.util.HashSet<>(), false);
  }

  /** The type and all its supertypes, superclasses first; only the type itself when unknown. */
  public List<String> typeAndSupertypes(String type) {
    if (type == null) {
      return List.of();
    }
    List<String> cached = supertypeCache.get(type);
    if (cached != null) {
      return cached;
    }
    List<String> newer = NewerJdkApis.typeAndSupertypes(type);
    if (newer != null) {
      supertypeCache.put(type, newer);
      return newer;
    }
    supertypeCache.put(type, List.of(type)); // cycles in broken code end here
    Set<String> all = new LinkedHashSet<>();
    all.add(type);
    Optional<Class<?>> jdk = jdkClass(type);
    TypeDeclaration<?> local = declared.get(type);
    if (jdk.isPresent()) {
      for (Class<?> c = jdk.get().getSuperclass(); c != null; c = c.getSuperclass()) {
        all.add(c.getCanonicalName());
      }
      addInterfaces(jdk.get(), all);
    } else if (local != null) {
      List<String> direct = directSupertypes(local);
      for (String s : direct) {
        all.addAll(typeAndSupertypes(s));
      }
      if (local instanceof EnumDeclaration) {
        all.add("java.lang.Enum");
      }
      if (local instanceof RecordDeclaration) {
        all.add("java.lang.Record");
      }
      all.add("java.lang.Object");
    } else if (!withJars && tree.declaredSupertypes(type).isPresent()) {
      // a type of the tree: its declaration header names its supertypes; with no jars the solver
      // would learn nothing more (and it parses the file, sometimes the package)
      for (String supertype : tree.declaredSupertypes(type).get()) {
        all.addAll(typeAndSupertypes(supertype));
      }
      all.add("java.lang.Object");
    } else if (withJars) {
      all.addAll(solvedAncestors.computeIfAbsent(type, this::solverAncestors));
    }
    List<String> result = List.copyOf(all);
    supertypeCache.put(type, result);
    return result;
  }

  /** Same-file superclasses of {@code type}, nearest first. */
  public List<String> sameFileSuperclasses(String type) {
    return superclassChain(type);
  }

  /** Same-file superclasses of {@code type}, for member types inherited from them. */
  private List<String> superclassChain(String type) {
    List<String> cached = superclassChains.get(type);
    if (cached != null) {
      return cached;
    }
    List<String> chain = new ArrayList<>();
    if (!resolvingSuperclasses.add(type)) {
      return chain; // resolving the extends clause itself, or a cycle in broken code
    }
    try {
      addSuperclasses(type, chain);
    } finally {
      resolvingSuperclasses.remove(type);
    }
    if (resolvingSuperclasses.isEmpty()) {
      superclassChains.put(type, chain); // complete only when no outer resolution was cut short
    }
    return chain;
  }

  private void addSuperclasses(String type, List<String> chain) {
    TypeDeclaration<?> local = declared.get(type);
    if (local instanceof ClassOrInterfaceDeclaration) {
      for (ClassOrInterfaceType extended : ((ClassOrInterfaceDeclaration) local).getExtendedTypes()) {
        String resolved = resolve(extended);
        if (resolved != null && !chain.contains(resolved) && declared.containsKey(resolved)) {
          chain.add(resolved);
          addSuperclasses(resolved, chain);
        }
      }
    }
  }

  /** {@link #writtenSupertypes} that this file's names resolve. */
  private List<String> directSupertypes(TypeDeclaration<?> type) {
    List<String> direct = new ArrayList<>();
    for (String supertype : writtenSupertypes(type)) {
      if (supertype != null) {
        direct.add(supertype);
      }
    }
    return direct;
  }

  /**
   * The types {@code type} (a declaration of this file) extends and implements as written, each as
   * {@link #resolve} names it: null for one the file's names do not resolve.
   */
  public List<String> writtenSupertypes(TypeDeclaration<?> type) {
    List<String> written = new ArrayList<>();
    if (type instanceof ClassOrInterfaceDeclaration) {
      for (ClassOrInterfaceType t : ((ClassOrInterfaceDeclaration) type).getExtendedTypes()) {
        written.add(resolve(t));
      }
    }
    if (type instanceof NodeWithImplements) {
      for (ClassOrInterfaceType t : ((NodeWithImplements<?>) type).getImplementedTypes()) {
        written.add(resolve(t));
      }
    }
    return written;
  }

  private static void addInterfaces(Class<?> type, Set<String> out) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (out.add(i.getCanonicalName())) {
          addInterfaces(i, out);
        }
      }
    }
  }

  /**
   * Whether the JDK's {@code type} declares a method (static or not, of any access but private)
   * {@code name} taking {@code arity} arguments, or one taking a variable number; false for a type
   * that is not the JDK's.
   */
  public static boolean jdkTypeDeclares(String type, String name, int arity) {
    Optional<Class<?>> jdk = jdkClass(type);
    return jdk.isPresent() && declaresCallable(jdk.get(), name, arity, false);
  }

  /**
   * Whether the JDK class declares a non-private method {@code name} callable with {@code arity}
   * arguments (that many parameters, or a variable number), only instance methods when {@code
   * instanceOnly}.
   */
  private static boolean declaresCallable(Class<?> type, String name, int arity, boolean instanceOnly) {
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(name)
          && (m.getParameterCount() == arity || m.isVarArgs())
          && !Modifier.isPrivate(m.getModifiers())
          && !(instanceOnly && Modifier.isStatic(m.getModifiers()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code name} is a class of the running JDK, whether or not the scanned tree declares it too. */
  public static boolean isJdkClass(String name) {
    return jdkClass(name).isPresent();
  }

  /**
   * Whether {@code name} is a class of the JDK and not one the scanned tree declares (a scan of the
   * JDK's own sources declares its classes).
   */
  public boolean isJdkType(String name) {
    return jdkClass(name).isPresent() && !tree.declares(name);
  }

  /** A JDK class (java.*, javax.*, jdk.*) by its dotted name, nested classes included. */
  static Optional<Class<?>> jdkClass(String name) {
    if (name == null || !JDK_PACKAGE_PREFIXES.stream().anyMatch(name::startsWith)) {
      return Optional.empty();
    }
    return JDK_CLASSES.computeIfAbsent(
        name,
        n -> {
          String binary = n;
          while (true) {
            try {
              return Optional.of(Class.forName(binary, false, JDK));
            } catch (ClassNotFoundException | LinkageError e) {
              int dot = binary.lastIndexOf('.');
              if (dot < 0 || !Character.isUpperCase(binary.charAt(binary.lastIndexOf('.', dot - 1) + 1))) {
                return Optional.empty();
              }
              binary = binary.substring(0, dot) + "$" + binary.substring(dot + 1);
            }
          }
        });
  }

  /**
   * The erased return type of a JDK method called {@code name} with {@code arity} arguments on
   * {@code owner}, when every such overload agrees; null otherwise.
   */
  public static String jdkReturnType(String owner, String name, int arity) {
    Optional<Class<?>> type = jdkClass(owner);
    if (type.isEmpty()) {
      return NewerJdkApis.returnType(owner, name);
    }
    String found = null;
    for (Method m : type.get().getMethods()) {
      if (!m.getName().equals(name)
          || (!m.isVarArgs() && m.getParameterCount() != arity)
          || Modifier.isPrivate(m.getModifiers())) {
        continue;
      }
      Class<?> returned = m.getReturnType();
      String returnName = returned.isPrimitive() || returned.isArray() ? null : returned.getCanonicalName();
      if (returnName == null) {
        return null;
      }
      if (found != null && !found.equals(returnName)) {
        return null;
      }
      found = returnName;
    }
    return found != null ? found : NewerJdkApis.returnType(owner, name);
  }

  private boolean solverKnows(String name) {
    return solvedType(name) != null;
  }

  private List<String> solverAncestors(String name) {
    ResolvedReferenceTypeDeclaration declaration = solvedType(name);
    if (declaration == null) {
      return List.of();
    }
    try {
      List<String> names = new ArrayList<>();
      for (ResolvedReferenceType ancestor : declaration.getAllAncestors()) {
        names.add(ancestor.getQualifiedName());
      }
      return names;
    } catch (RuntimeException | StackOverflowError e) {
      return List.of(); // a partially resolvable hierarchy: what is known is not worth a guess
    }
  }

  /** Whether a type declares an instance method of a name and arity, and whose type it is. */
  public enum Declares {
    /** It does not. */
    NO,
    /** It does, and the type is declared in the scanned sources. */
    PROJECT,
    /** It does, and the type is the JDK's or a library's. */
    LIBRARY,
    /** The type cannot be read. */
    UNKNOWN
  }

  /**
   * Whether {@code type} itself declares a non-private instance method {@code name} taking
   * {@code arity} arguments: the JDK's types by reflection, this file's from their declarations,
   * others through the symbol solver (which reads the tree's sources and the given jars).
   */
  public Declares declaresMethod(String type, String name, int arity) {
    Optional<Class<?>> jdk = jdkClass(type);
    if (jdk.isPresent()) {
      return declaresCallable(jdk.get(), name, arity, true) ? Declares.LIBRARY : Declares.NO;
    }
    TypeDeclaration<?> local = declared.get(type);
    if (local != null) {
      return local.getMethodsByName(name).stream()
              .anyMatch(m -> m.getParameters().size() == arity && !m.isStatic() && !m.isPrivate())
          ? Declares.PROJECT
          : Declares.NO;
    }
    ResolvedReferenceTypeDeclaration declaration = solvedType(type);
    if (declaration == null) {
      return Declares.UNKNOWN;
    }
    try {
      boolean declares =
          declaration.getDeclaredMethods().stream()
              .anyMatch(
                  m ->
                      m.getName().equals(name)
                          && m.getNumberOfParams() == arity
                          && !m.isStatic()
                          && m.accessSpecifier() != com.github.javaparser.ast.AccessSpecifier.PRIVATE);
      if (!declares) {
        return Declares.NO;
      }
      return declaration.toAst().isPresent() ? Declares.PROJECT : Declares.LIBRARY;
    } catch (RuntimeException | StackOverflowError e) {
      return Declares.UNKNOWN;
    }
  }
}
