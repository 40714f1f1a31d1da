package io.mapguard.lint.frontend;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.extract.ExtractionTables;
import io.mapguard.engine.extract.KnownApis;
import io.mapguard.engine.extract.UnitScan;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.lint.source.JavaLexicalScanner;
import io.mapguard.lint.symbols.LintSymbols;
import io.mapguard.lint.symbols.LintTypes;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The extraction of one top-level class by mapvet: the engine's shared tables and roles ({@link
 * ExtractionTables}), and what only mapvet needs: the file, its symbols and types, units by
 * declaration, the units the walk is in, and overloaded method references.
 */
final class LintExtractionState extends ExtractionTables<Node, LintSyntax> {
  final AnalysisOptions options;
  final CompilationUnit compilationUnit;
  final TypeDeclaration<?> topLevelType;
  final String file;
  final LintSymbols symbols;
  final LintTypes types;
  final List<String> source;
  final Map<Node, CodeUnit> methodUnits = new IdentityHashMap<>();
  final Map<CodeUnit, UnitInfo> infos = new LinkedHashMap<>();
  final Map<Node, CodeUnit> initializerUnits = new IdentityHashMap<>();
  /**
   * Method references whose target is overloaded: without the solver the first overload stands in
   * for the thread and lock analysis, but it is not trusted to tell what an update function calls.
   */
  final Set<Node> overloadedReferences = Collections.newSetFromMap(new IdentityHashMap<>());
  /** The units the scan is inside, innermost first. */
  final Deque<UnitInfo> units = new ArrayDeque<>();

  /** @param executorMethods the start table's methods of executors ({@link LintSymbols#forClass}) */
  LintExtractionState(
      AnalysisOptions options,
      CompilationUnit compilationUnit,
      TypeDeclaration<?> topLevel,
      String file,
      LintTypes types,
      List<String> source,
      Set<String> executorMethods) {
    this(
        options,
        compilationUnit,
        topLevel,
        file,
        types,
        LintSymbols.forClass(types, topLevel, JavaLexicalScanner.text(source), executorMethods),
        source);
  }

  private LintExtractionState(
      AnalysisOptions options,
      CompilationUnit compilationUnit,
      TypeDeclaration<?> topLevel,
      String file,
      LintTypes types,
      LintSymbols symbols,
      List<String> source) {
    super(
        new LintSyntax(symbols, topLevel),
        new KnownApis(types, options.immediateCallbacks(), options.threadStartApis()),
        topLevel,
        true);
    this.options = options;
    this.compilationUnit = compilationUnit;
    this.topLevelType = topLevel;
    this.file = file;
    this.types = types;
    this.symbols = symbols;
    this.source = source;
  }

  /** A unit under construction: its body (for lock regions) and what was found inside it. */
  static final class UnitInfo extends UnitScan<Node, Node> {
    UnitInfo(CodeUnit unit, Node body) {
      super(unit, body);
    }
  }
}
