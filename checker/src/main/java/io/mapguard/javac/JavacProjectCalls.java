package io.mapguard.javac;

import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Kinds;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Names;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.extract.KnownApis;
import io.mapguard.engine.extract.ProjectCallShapes;
import io.mapguard.engine.project.FieldUse;
import io.mapguard.engine.project.ProjectCall;
import io.mapguard.engine.project.ProjectCalls;
import io.mapguard.engine.project.ProjectMethod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The calls of every class of the compilation. The calls are indexed by name the first time a
 * finding asks (most compilations never do), from the trees javac keeps for every class it
 * compiles; each call asked about is read through the same port as the class analysis.
 *
 * <p>It answers only when every class of the compilation is attributed, which javac's {@code
 * simple} compile policy ensures before the first class is analysed (Error Prone requires it; the
 * plugin sets it, see {@code CompilePolicy}). Under another policy it does not answer, and every
 * finding that depends on other classes stands.
 */
public final class JavacProjectCalls implements ProjectCalls {
  private final Context context;
  private final JavacTypes types;
  private final KnownApis apis;
  /**
   * The calls and the method references, by the name they call: javac's own names, which are unique
   * in its name table, so indexing costs no decoding of every call's name.
   */
  private Map<Name, List<Found>> callsByName;
  private Map<Name, List<Found>> referencesByName;
  /** The uses of superclasses' instance fields, by the field's name (few: most code uses its own). */
  private Map<Name, List<Found>> inheritedFieldsByName;
  private final Names names;
  private boolean complete;
  private final Map<ProjectMethod, List<ProjectCall>> answers = new HashMap<>();
  /** The answers of {@link #callsThroughFieldsInTasks}. */
  private final Map<ProjectMethod, List<ProjectCall>> answersThroughFields = new HashMap<>();
  private final Map<JCCompilationUnit, Map<JCClassDecl, JavacSyntax>> ports = new IdentityHashMap<>();
  /** What the calls of one top-level class share (its bodies' threads, its own calls), per class. */
  private final Map<JCClassDecl, ProjectCallShapes.SiteMemo> memos = new IdentityHashMap<>();
  private final JavacCallSummaries summaries;

  /** A call (or method reference, or field use) found by name: its file and the top-level class it is in. */
  private record Found(JCCompilationUnit unit, JCClassDecl topLevel, JCTree call) {}

  public JavacProjectCalls(Context context, AnalysisOptions options) {
    this.context = context;
    this.types = JavacTypes.instance(context);
    this.names = Names.instance(context);
    this.apis = new KnownApis(types, options.immediateCallbacks(), options.threadStartApis());
    this.summaries = new JavacCallSummaries(context, types, apis);
  }

  /** The summaries this compilation writes and reads, sharing its type lookups. */
  public JavacCallSummaries summaries() {
    return summaries;
  }

  @Override
  public synchronized List<ProjectCall> callsOf(ProjectMethod method) {
    return indexed() ? answers.computeIfAbsent(method, this::find) : null;
  }

  /** Whether every call of the compilation is indexed: not before every class is attributed. */
  private boolean indexed() {
    if (callsByName == null) {
      index();
    }
    return complete;
  }

  /**
   * Only the calls made on a field ({@code inventory.reserve()}, {@code this.inventory.reserve()}):
   * a task's call through a field of its class is one of them, and describing a call (its result's
   * fate, its thread) costs more than looking at its receiver.
   */
  @Override
  public synchronized List<ProjectCall> callsThroughFieldsInTasks(ProjectMethod method) {
    if (!indexed()) {
      return null;
    }
    List<ProjectCall> all = answers.get(method);
    return all != null
        ? all
        : answersThroughFields.computeIfAbsent(method, m -> calls(m, JavacProjectCalls::madeOnAField));
  }

  /**
   * Only the calls that pass the literal {@code null} at {@code parameter}: most calls of a name
   * pass none, and describing a call costs more than looking at one argument.
   */
  @Override
  public synchronized List<ProjectCall> callsPassingNull(ProjectMethod method, int parameter) {
    if (!indexed()) {
      return null;
    }
    List<ProjectCall> all = answers.get(method);
    List<ProjectCall> candidates =
        all != null
            ? all
            : calls(
                method,
                call ->
                    call instanceof JCMethodInvocation invocation
                        && parameter < invocation.args.size()
                        && JavacSyntax.nullLiteral(invocation.args.get(parameter)));
    return candidates.stream().filter(call -> call.nullArguments().contains(parameter)).toList();
  }

  @Override
  public synchronized List<FieldUse> inheritedFieldUsesInTasks(String field) {
    if (!indexed()) {
      return null;
    }
    List<FieldUse> uses = new ArrayList<>();
    Name name = names.fromString(field.substring(field.indexOf('#') + 1));
    for (Found found : inheritedFieldsByName.getOrDefault(name, List.of())) {
      FieldUse use =
          ProjectCallShapes.inheritedFieldUseOf(
              portOf(found),
              apis,
              portOf(found).pathTo(found.call()),
              found.unit().getSourceFile().getName(),
              memoOf(found));
      if (use != null && use.field().equals(field)) {
        uses.add(use);
      }
    }
    return uses;
  }

  /**
   * Whether {@code symbol} is an instance field of a class other than {@code topLevel} and the
   * classes nested in it: used on its own object, one a superclass declares.
   */
  static boolean inheritedInstanceField(Symbol symbol, Symbol.ClassSymbol topLevel) {
    if (!(symbol instanceof Symbol.VarSymbol)
        || symbol.owner == topLevel // the commonest: the class's own field
        || !(symbol.owner instanceof Symbol.ClassSymbol)
        || (symbol.flags() & (Flags.STATIC | Flags.PRIVATE)) != 0) { // a private one is the class's own
      return false;
    }
    // up the classes by hand: an array's length belongs to a class in no package, where javac's
    // outermostClass() fails
    Symbol outermost = symbol.owner;
    while (outermost.owner instanceof Symbol.ClassSymbol) {
      outermost = outermost.owner;
    }
    return outermost != topLevel;
  }

  /**
   * Whether code of another top-level class calls, on a field ({@link #madeOnAField}), a method of
   * the name of a non-private instance method of {@code topLevel} or of a class nested in it, that
   * resolves to that method or to one of a supertype it may override: a task there may write the
   * class's maps through it. True when the calls are not all indexed (under another compile policy
   * than javac's {@code simple}): the class is then analysed as if they were.
   */
  public synchronized boolean calledOnFieldsElsewhere(JCClassDecl topLevel) {
    if (!indexed() || topLevel.sym == null) {
      return true;
    }
    try {
      List<Symbol.ClassSymbol> classes = new ArrayList<>();
      addClasses(topLevel.sym, classes);
      for (Symbol.ClassSymbol type : classes) {
        for (Symbol member : type.members().getSymbols(JavacProjectCalls::calledByOthers)) {
          for (Found found : callsByName.getOrDefault(member.name, List.of())) {
            if (found.topLevel() != topLevel && madeOnAField(found.call()) && mayRun(found.call(), classes)) {
              return true;
            }
          }
        }
      }
      return false;
    } catch (Symbol.CompletionFailure e) {
      return true; // a supertype the class path lacks: analysed, as when the calls are not known
    }
  }

  private static boolean calledByOthers(Symbol member) {
    return member.kind == Kinds.Kind.MTH
        && (member.flags() & (Flags.PRIVATE | Flags.STATIC)) == 0
        && !member.isConstructor();
  }

  private static void addClasses(Symbol.ClassSymbol type, List<Symbol.ClassSymbol> out) {
    out.add(type);
    for (Symbol member : type.members().getSymbols(s -> s instanceof Symbol.ClassSymbol)) {
      addClasses((Symbol.ClassSymbol) member, out);
    }
  }

  /** Whether {@code call} may run a method of one of {@code classes}: its own, or a supertype's they may override. */
  private boolean mayRun(JCTree call, List<Symbol.ClassSymbol> classes) {
    Symbol callee = TreeInfo.symbol(((JCMethodInvocation) call).meth);
    if (callee == null || !(callee.owner instanceof Symbol.ClassSymbol owner)) {
      return true;
    }
    for (Symbol.ClassSymbol type : classes) {
      if (type == owner || type.isSubClass(owner, types.types())) {
        return true;
      }
    }
    return false;
  }

  private static boolean madeOnAField(JCTree call) {
    if (!(call instanceof JCMethodInvocation invocation) || !(invocation.meth instanceof JCTree.JCFieldAccess select)) {
      return false;
    }
    Symbol receiver = TreeInfo.symbol(select.selected);
    return receiver instanceof Symbol.VarSymbol && receiver.owner != null && receiver.owner.kind == Kinds.Kind.TYP;
  }

  private List<ProjectCall> find(ProjectMethod method) {
    List<ProjectCall> calls = new ArrayList<>();
    for (Found found : referencesByName.getOrDefault(names.fromString(method.name()), List.of())) {
      calls.add(ProjectCallShapes.reference(portOf(found), found.call(), found.unit().getSourceFile().getName()));
    }
    calls.addAll(calls(method, call -> true));
    return calls;
  }

  /** The calls of the method's name and arity that {@code which} lets through, as calls of it. */
  private List<ProjectCall> calls(ProjectMethod method, Predicate<JCTree> which) {
    List<ProjectCall> calls = new ArrayList<>();
    for (Found found : callsByName.getOrDefault(names.fromString(method.name()), List.of())) {
      if (((JCMethodInvocation) found.call()).args.size() == method.arity() && which.test(found.call())) {
        ProjectCall call =
            ProjectCallShapes.callOf(
                portOf(found), apis, found.call(), found.unit().getSourceFile().getName(), method, memoOf(found));
        if (call != null) {
          calls.add(call);
        }
      }
    }
    return calls;
  }

  /** The port that reads the top-level class a call was found in (one per class, kept). */
  private JavacSyntax portOf(Found found) {
    return ports.computeIfAbsent(found.unit(), unit -> new IdentityHashMap<>())
        .computeIfAbsent(found.topLevel(), top -> new JavacSyntax(found.unit(), types, top.sym));
  }

  private ProjectCallShapes.SiteMemo memoOf(Found found) {
    return memos.computeIfAbsent(found.topLevel(), top -> new ProjectCallShapes.SiteMemo());
  }

  /**
   * Every compilation unit javac entered: the files this compilation compiles, by file name. javac
   * keeps them by class symbol in a hash table, whose order changes from run to run; the calls of a
   * method and the summaries are listed in this order, and must be the same in every run.
   */
  static Set<JCCompilationUnit> compiledUnits(Context context) {
    Set<JCCompilationUnit> units = new LinkedHashSet<>(); // a tree's equality is its identity
    for (Env<AttrContext> env : Enter.instance(context).getEnvs()) {
      if (env.toplevel != null) {
        units.add(env.toplevel);
      }
    }
    List<JCCompilationUnit> byName = new ArrayList<>(units);
    byName.sort(Comparator.comparing(unit -> unit.sourcefile.getName()));
    return new LinkedHashSet<>(byName);
  }

  /**
   * Every method call and method reference of every compilation unit javac entered, by name and
   * number of arguments (references by name).
   */
  private void index() {
    callsByName = new HashMap<>();
    referencesByName = new HashMap<>();
    inheritedFieldsByName = new HashMap<>();
    complete = true;
    for (JCCompilationUnit unit : compiledUnits(context)) {
      for (JCTree definition : unit.defs) {
        if (!(definition instanceof JCClassDecl)) {
          continue;
        }
        JCClassDecl topLevel = (JCClassDecl) definition;
        if (topLevel.sym == null || (topLevel.sym.flags_field & Flags.UNATTRIBUTED) != 0) {
          complete = false; // not attributed yet: its calls have no symbols
          return;
        }
        topLevel.accept(
            new TreeScanner() {
              @Override
              public void visitApply(JCMethodInvocation call) {
                callsByName
                    .computeIfAbsent(TreeInfo.name(call.meth), k -> new ArrayList<>())
                    .add(new Found(unit, topLevel, call));
                super.visitApply(call);
              }

              @Override
              public void visitReference(JCTree.JCMemberReference reference) {
                referencesByName
                    .computeIfAbsent(reference.name, k -> new ArrayList<>())
                    .add(new Found(unit, topLevel, reference));
                super.visitReference(reference);
              }

              @Override
              public void visitIdent(JCTree.JCIdent identifier) {
                indexIfInherited(identifier, identifier.sym, identifier.name);
              }

              @Override
              public void visitSelect(JCTree.JCFieldAccess select) {
                indexIfInherited(select, select.sym, select.name);
                super.visitSelect(select);
              }

              private void indexIfInherited(JCTree use, Symbol symbol, Name name) {
                if (inheritedInstanceField(symbol, topLevel.sym)) {
                  inheritedFieldsByName.computeIfAbsent(name, k -> new ArrayList<>()).add(new Found(unit, topLevel, use));
                }
              }
            });
      }
    }
  }
}
