package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import io.mapguard.engine.extract.Alias;
import io.mapguard.engine.extract.KnownApis;
import io.mapguard.engine.extract.LocalAliases;
import io.mapguard.engine.extract.LockNames;
import io.mapguard.engine.extract.MapFields;
import io.mapguard.engine.extract.UnitScan;
import io.mapguard.engine.extract.ValueDescriptions;
import io.mapguard.engine.extract.ValueLocal;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.LazyInit;
import io.mapguard.engine.model.MapCreation;
import io.mapguard.engine.model.MapField;
import io.mapguard.engine.model.NullableArgument;
import io.mapguard.engine.model.StoredValue;
import io.mapguard.engine.model.ThreadRoot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the extraction of one top-level class has found so far, shared by its roles: the map fields
 * and locals, aliases, units, the prepass's class-wide signals, and the front end's helpers for
 * the compilation unit. Tables only, so that each role can be moved on its own; the logic is the
 * roles'. mapvet's {@code LintExtractionState} is its mirror.
 */
final class ExtractionState {
  final Context context;
  final JavacTypes types;
  final KnownApis apis;
  final Names names;
  final JCCompilationUnit compilationUnit;
  final JCClassDecl topLevel;
  final ClassSymbol topSymbol;
  /** The port the shared extraction reads this class's trees through. */
  final JavacSyntax syntax;

  final LockNames<JCTree> locks;
  /** The map fields' declarations (own and inherited), by symbol, in the order found. */
  final Map<Object, JCTree> mapFieldTrees = new LinkedHashMap<>();
  final Map<Object, List<String>> assignedValues = new HashMap<>();
  final Map<Object, MapField> fields = new LinkedHashMap<>();
  final Map<VarSymbol, JCCompilationUnit> inheritedFrom = new HashMap<>();
  /** Locals initialized with {@code new ...}: what they hold when assigned to a field. */
  final Map<Object, JCTree> initializers = new HashMap<>();
  /** Functional values kept in a local and later handed to a thread-start call, by that call. */
  final Map<JCTree, JCTree> startedLater = new IdentityHashMap<>();
  /** Executor fields made by a single-thread factory, by variable handle. */
  final Set<Object> singleThreadExecutors = new HashSet<>();
  final Map<MethodSymbol, CodeUnit> methodUnits = new HashMap<>();
  final Map<CodeUnit, UnitInfo> infos = new LinkedHashMap<>();
  final Map<JCClassDecl, CodeUnit> initializerUnits = new IdentityHashMap<>();
  /** Each method's display name, made once: every access site in it names it. */
  final Map<JCMethodDecl, String> methodNames = new IdentityHashMap<>();
  final Map<JCTree, ThreadRoot> rootsByStartCall = new IdentityHashMap<>();
  /** Locals standing for a map field, by symbol (see {@link LocalAliases}). */
  final Map<Object, Alias> aliases = new HashMap<>();
  final List<LazyInit> lazyInits = new ArrayList<>();
  final List<MapCreation> creations = new ArrayList<>();
  /** Local variables and parameters holding a map, and what is assigned to them. */
  final Map<Object, List<String>> localMapValues = new HashMap<>();
  final Map<Object, MapField> localMaps = new HashMap<>();
  /** Locals holding values of a map field, by symbol (see {@code MapValueLocals}). */
  final Map<Object, ValueLocal> valueLocals = new HashMap<>();
  final List<StoredValue> storedValues = new ArrayList<>();
  final List<NullableArgument> nullableArguments = new ArrayList<>();
  /** See {@link io.mapguard.engine.extract.ClassTriage#loopsOrUpdates}. */
  boolean loopsOrUpdates;

  final SourceLines source;
  final CallSyntax callSyntax;
  final LocalAliases<JCTree> localAliases;
  final MapFields<JCTree> mapFields;
  final ValueDescriptions<JCTree> valueDescriptions;
  int nextUnitId;

  ExtractionState(
      JCCompilationUnit compilationUnit,
      JCClassDecl topLevel,
      Context context,
      JavacTypes types,
      KnownApis apis,
      Names names) {
    this.context = context;
    this.types = types;
    this.apis = apis;
    this.names = names;
    this.compilationUnit = compilationUnit;
    this.topLevel = topLevel;
    this.topSymbol = topLevel.sym;
    this.syntax = new JavacSyntax(compilationUnit, types, topSymbol);
    this.locks = new LockNames<>(syntax);
    this.source = new SourceLines(compilationUnit);
    this.callSyntax = new CallSyntax(syntax);
    this.localAliases = new LocalAliases<>(syntax);
    this.mapFields = new MapFields<>(syntax, topLevel, assignedValues, localMapValues);
    this.valueDescriptions = new ValueDescriptions<>(syntax);
  }

  /** A unit under construction: its body, for the CFG, and what was found inside it. */
  static final class UnitInfo extends UnitScan<JCTree, TreePath> {
    final JCClassDecl owner;
    final JCMethodDecl enclosingMethod;

    UnitInfo(CodeUnit unit, JCTree body, JCClassDecl owner, JCMethodDecl enclosingMethod) {
      super(unit, body);
      this.owner = owner;
      this.enclosingMethod = enclosingMethod;
    }
  }

}
