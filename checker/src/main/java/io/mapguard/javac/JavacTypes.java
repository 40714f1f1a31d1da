package io.mapguard.javac;

import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.comp.Modules;
import com.sun.tools.javac.model.JavacElements;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Name;
import io.mapguard.engine.extract.Callees;
import io.mapguard.engine.extract.SyntaxPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ModuleElement;

/**
 * Type lookups by qualified name, cached per compilation; absent types simply never match. Also what
 * the shared extraction asks about a callee (a method symbol, see {@link JavacSyntax#callee}).
 */
final class JavacTypes implements Callees {
  private final Types types;
  private final JavacElements elements;
  private final Symtab symtab;
  private final JavacTrees trees;
  private final Map<String, Type> byName = new HashMap<>();
  private final Map<String, Map<Symbol.TypeSymbol, Boolean>> subtypes = new HashMap<>();
  /**
   * javac keeps names as bytes of its name table and decodes them again on every {@code toString};
   * the extraction asks for the same few thousand names (methods called, locals, types) over and
   * over. A name is unique in its table, so its text is kept by identity.
   */
  private final Map<Name, String> texts = new IdentityHashMap<>();
  private final Map<Symbol.ClassSymbol, List<String>> classTypes = new IdentityHashMap<>();

  private final Modules modules;
  /** The module names are looked up in: the unnamed one, or null to search them all (set at the first lookup). */
  private ModuleElement lookupModule;
  private boolean lookupModuleKnown;

  private static final Context.Key<JavacTypes> KEY = new Context.Key<>();

  private JavacTypes(Context context) {
    this.types = Types.instance(context);
    this.elements = JavacElements.instance(context);
    this.symtab = Symtab.instance(context);
    this.trees = JavacTrees.instance(context);
    this.modules = Modules.instance(context);
  }

  /**
   * The compilation's lookups, shared by the class analysis and the project-wide questions: both
   * ask about the same types and names, and each lookup of an absent type costs javac a search.
   */
  static synchronized JavacTypes instance(Context context) {
    JavacTypes types = context.get(KEY);
    if (types == null) {
      types = new JavacTypes(context);
      context.put(KEY, types);
    }
    return types;
  }

  /** The text of a javac name, decoded once per compilation. */
  String text(Name name) {
    return texts.computeIfAbsent(name, Name::toString);
  }

  /** The declaration of a field compiled in this run, or null (a class file's). */
  JCTree.JCVariableDecl fieldTree(Symbol.VarSymbol field) {
    return trees.getTree(field) instanceof JCTree.JCVariableDecl declaration ? declaration : null;
  }

  /** The declaration of a class compiled in this run, or null (a class file's). */
  JCTree.JCClassDecl classTree(Symbol.ClassSymbol type) {
    return trees.getTree(type) instanceof JCTree.JCClassDecl ? (JCTree.JCClassDecl) trees.getTree(type) : null;
  }

  JavacElements elements() {
    return elements;
  }

  @Override
  public String owner(Object callee) {
    return text(((Symbol) callee).owner.getQualifiedName());
  }

  @Override
  public boolean ownerKnown(Object callee) {
    return true; // a resolved method always has its class
  }

  @Override
  public String name(Object callee) {
    return text(((Symbol) callee).getSimpleName());
  }

  @Override
  public boolean ownerIsSubtype(Object callee, String type) {
    return isSubtype(((Symbol) callee).owner.type, type);
  }

  @Override
  public String synchronizedMethodOwner(Object callee) {
    Symbol method = (Symbol) callee;
    long flags = method.flags();
    return (flags & Flags.SYNCHRONIZED) != 0 && (flags & Flags.STATIC) == 0
        ? method.owner.getQualifiedName().toString()
        : null;
  }

  Types types() {
    return types;
  }

  /**
   * In a compilation of the unnamed module (any that has no module-info), names are looked up in
   * that module, which reads every module its classes can use: javac's lookup without a module
   * tries each of the platform's seventy-odd modules in turn for a name no module has, and the
   * knowledge tables name many classes a project does not have (Spring's, Netty's, …).
   */
  private ModuleElement lookupModule() {
    if (!lookupModuleKnown) {
      lookupModuleKnown = true;
      Symbol.ModuleSymbol module = modules.getDefaultModule();
      lookupModule = module != null && module != symtab.noModule && module.isUnnamed() ? module : null;
    }
    return lookupModule;
  }

  /** The erased type named {@code qualifiedName} ({@code Outer.Inner} spelling), or null. */
  Type named(String qualifiedName) {
    Type known = byName.get(qualifiedName);
    if (known == null) {
      ModuleElement module = lookupModule();
      Symbol.ClassSymbol symbol =
          module == null ? elements.getTypeElement(qualifiedName) : elements.getTypeElement(module, qualifiedName);
      known = symbol == null ? Type.noType : types.erasure(symbol.type);
      byName.put(qualifiedName, known);
    }
    return known;
  }

  boolean isSubtype(Type type, String qualifiedName) {
    if (type == null || type.isPrimitive() || type.hasTag(com.sun.tools.javac.code.TypeTag.BOT)) {
      return false;
    }
    Type target = named(qualifiedName);
    if (target == Type.noType) {
      return false;
    }
    if (!type.hasTag(com.sun.tools.javac.code.TypeTag.CLASS)) {
      return types.isSubtype(types.erasure(type), target);
    }
    // A class type's erasure depends on its symbol alone; the prepass asks about the same few
    // types (String, List, the class's own) thousands of times.
    Map<Symbol.TypeSymbol, Boolean> bySymbol = subtypes.get(qualifiedName);
    if (bySymbol == null) {
      bySymbol = new HashMap<>();
      subtypes.put(qualifiedName, bySymbol);
    }
    Boolean known = bySymbol.get(type.tsym);
    if (known == null) {
      known = types.isSubtype(types.erasure(type), target);
      bySymbol.put(type.tsym, known);
    }
    return known;
  }

  boolean isMap(Type type) {
    return isSubtype(type, "java.util.Map");
  }

  /** The type and its supertypes, superclasses first, as qualified names. */
  /**
   * A class's own type and its supertypes, as {@link #typeAndSupertypes}, kept per class: every
   * method of a class asks it when its calls are summarized.
   */
  List<String> classTypes(Symbol.ClassSymbol type) {
    return classTypes.computeIfAbsent(type, t -> List.copyOf(typeAndSupertypes(t.type)));
  }

  List<String> typeAndSupertypes(Type type) {
    Set<String> names = new LinkedHashSet<>();
    Type erased = types.erasure(type);
    for (Type t = erased; t != null && t.tsym != null && t != Type.noType; t = types.supertype(t)) {
      if (!t.hasTag(com.sun.tools.javac.code.TypeTag.CLASS)) {
        break;
      }
      names.add(text(t.tsym.getQualifiedName()));
    }
    for (Type t : types.closure(erased)) {
      names.add(text(t.tsym.getQualifiedName()));
    }
    return new ArrayList<>(names);
  }

  /** The erased value type {@code V} of a {@code Map<K, V>} type, see {@code MapField#valueType}. */
  String mapValueType(Type mapType) {
    Type map = named("java.util.Map");
    if (map == Type.noType) {
      return null;
    }
    Type asMap = types.asSuper(mapType, map.tsym);
    if (asMap == null || asMap.getTypeArguments().size() != 2) {
      return null;
    }
    return erasedName(asMap.getTypeArguments().get(1));
  }

  /** {@code java.util.List}, {@code int[]}; null for type variables and wildcards. */
  String erasedName(Type type) {
    if (type.hasTag(com.sun.tools.javac.code.TypeTag.ARRAY)) {
      String element = erasedName(((Type.ArrayType) type).elemtype);
      return element == null ? null : element + "[]";
    }
    if (type.isPrimitive()) {
      return text(type.tsym.getSimpleName());
    }
    if (type.hasTag(com.sun.tools.javac.code.TypeTag.CLASS)) {
      return text(type.tsym.getQualifiedName());
    }
    return null;
  }

  /**
   * Whether {@code method} overrides a method of a supertype, and whose: a class compiled from
   * source (in this compilation, or found on the source path) is the project's; any other is a
   * library's.
   */
  SyntaxPort.Overriding overriding(Symbol.MethodSymbol method) {
    if (method == null
        || method.isStatic()
        || method.isConstructor()
        || (method.flags() & Flags.PRIVATE) != 0
        || !(method.owner instanceof Symbol.ClassSymbol)) {
      return SyntaxPort.Overriding.NONE;
    }
    Symbol.ClassSymbol owner = (Symbol.ClassSymbol) method.owner;
    SyntaxPort.Overriding found = SyntaxPort.Overriding.NONE;
    for (Type supertype : types.closure(owner.type)) {
      if (supertype.tsym == owner) {
        continue;
      }
      for (Symbol other : supertype.tsym.members().getSymbolsByName(method.name)) {
        if (other instanceof Symbol.MethodSymbol && method.overrides(other, owner, types, false)) {
          if (!fromSource((Symbol.ClassSymbol) other.owner)) {
            return SyntaxPort.Overriding.OTHER;
          }
          found = SyntaxPort.Overriding.PROJECT;
        }
      }
    }
    return found;
  }

  private static boolean fromSource(Symbol.ClassSymbol type) {
    // a class given to javac has no class file; one found on the source path has its source there
    Symbol.ClassSymbol outermost = type.outermostClass();
    return outermost.classfile == null
        ? outermost.sourcefile != null
        : outermost.classfile.getKind() == javax.tools.JavaFileObject.Kind.SOURCE;
  }

  Symtab symtab() {
    return symtab;
  }
}
