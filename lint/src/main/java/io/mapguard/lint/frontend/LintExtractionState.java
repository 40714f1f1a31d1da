package io.mapguard.lint.frontend;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.mapguard.engine.AnalysisOptions;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One extraction of a top-level class: the class-wide tables its roles fill and read, and the front
 * end's helpers for that class. A table is kept here, not in the role that fills it, because other
 * roles read it (the scan reads what the prepass found, the assembly what the scan found). The javac
 * front end's {@code ExtractionState} is its mirror.
 */
final class LintExtractionState {
  final AnalysisOptions options;
  final CompilationUnit compilationUnit;
  final TypeDeclaration<?> topLevel;
  final String file;
  final LintSymbols symbols;
  final LintTypes types;
  final KnownApis apis;
  /** The port the shared extraction reads this class's trees through. */
  final LintSyntax syntax;

  final LockNames<Node> locks;
  final List<String> source;
  final LintCallSyntax callSyntax;
  final LocalAliases<Node> localAliases;
  final MapFields<Node> mapFields;
  final ValueDescriptions<Node> valueDescriptions;

  final Map<Object, MapField> fields = new IdentityHashMap<>();
  /** The map fields' declarators (own and inherited), by declarator. */
  final Map<Object, Node> mapFieldDeclarators = new IdentityHashMap<>();
  final Map<Object, List<String>> assignedValues = new IdentityHashMap<>();
  /** Locals initialized with {@code new ...}: what they hold when assigned to a map. */
  final Map<Object, Node> newInitializers = new IdentityHashMap<>();
  /** Executor fields made by a single-thread factory, by variable handle. */
  final Set<Object> singleThreadExecutors = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  final Map<Node, CodeUnit> methodUnits = new IdentityHashMap<>();
  final Map<CodeUnit, UnitInfo> infos = new LinkedHashMap<>();
  final Map<Node, CodeUnit> initializerUnits = new IdentityHashMap<>();
  final Map<Node, ThreadRoot> rootsByStartCall = new IdentityHashMap<>();
  /** Locals standing for a map field, by declaration (see {@link LocalAliases}). */
  final Map<Object, Alias> aliases = new IdentityHashMap<>();
  /** Functional values kept in a local and later handed to a thread-start call, by that call. */
  final Map<Node, Node> startedLater = new IdentityHashMap<>();
  final List<LazyInit> lazyInits = new ArrayList<>();
  final List<MapCreation> creations = new ArrayList<>();
  /**
   * Method references whose target is overloaded: without the solver the first overload stands in
   * for the thread and lock analysis, but it is not trusted to tell what an update function calls.
   */
  final Set<Node> overloadedReferences = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Local variables and parameters holding a map (by declaration), and what is assigned to them. */
  final Map<Object, List<String>> localMapValues = new IdentityHashMap<>();
  final Map<Object, MapField> localMaps = new IdentityHashMap<>();
  /** Locals holding values of a map field, by declaration (see {@code MapValueLocals}). */
  final Map<Object, ValueLocal> valueLocals = new IdentityHashMap<>();
  final List<StoredValue> storedValues = new ArrayList<>();
  final List<NullableArgument> nullableArguments = new ArrayList<>();
  /** The units the scan is inside, innermost first. */
  final Deque<UnitInfo> units = new ArrayDeque<>();
  int nextUnitId;

  LintExtractionState(
      AnalysisOptions options,
      CompilationUnit compilationUnit,
      TypeDeclaration<?> topLevel,
      String file,
      LintTypes types,
      List<String> source) {
    this.options = options;
    this.compilationUnit = compilationUnit;
    this.topLevel = topLevel;
    this.file = file;
    this.types = types;
    this.apis = new KnownApis(types, options.immediateCallbacks(), options.threadStartApis());
    this.symbols = new LintSymbols(types);
    this.syntax = new LintSyntax(symbols, topLevel);
    this.locks = new LockNames<>(syntax);
    this.source = source;
    this.callSyntax = new LintCallSyntax(syntax);
    this.localAliases = new LocalAliases<>(syntax);
    this.mapFields = new MapFields<>(syntax, topLevel, assignedValues, localMapValues);
    this.valueDescriptions = new ValueDescriptions<>(syntax);
  }

  /** A unit under construction: its body (for lock regions) and what was found inside it. */
  static final class UnitInfo extends UnitScan<Node, Node> {
    UnitInfo(CodeUnit unit, Node body) {
      super(unit, body);
    }
  }
}
