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
import io.mapguard.engine.extract.ExtractionTables;
import io.mapguard.engine.extract.KnownApis;
import io.mapguard.engine.extract.UnitScan;
import io.mapguard.engine.model.CodeUnit;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The extraction of one top-level class by javac: the engine's shared tables and roles ({@link
 * ExtractionTables}), and what only javac needs: the compilation unit, symbols, units by method
 * symbol, and the units' owners for the Checker Framework dataflow.
 */
final class ExtractionState extends ExtractionTables<JCTree, JavacSyntax> {
  final Context context;
  final JavacTypes types;
  final Names names;
  final JCCompilationUnit compilationUnit;
  final JCClassDecl topLevelTree;
  final ClassSymbol topSymbol;
  final SourceLines source;
  final Map<VarSymbol, JCCompilationUnit> inheritedFrom = new HashMap<>();
  final Map<MethodSymbol, CodeUnit> methodUnits = new HashMap<>();
  final Map<CodeUnit, UnitInfo> infos = new LinkedHashMap<>();
  final Map<JCClassDecl, CodeUnit> initializerUnits = new IdentityHashMap<>();

  ExtractionState(
      JCCompilationUnit compilationUnit,
      JCClassDecl topLevel,
      Context context,
      JavacTypes types,
      KnownApis apis,
      Names names) {
    super(new JavacSyntax(compilationUnit, types, topLevel.sym), apis, topLevel, false);
    this.context = context;
    this.types = types;
    this.names = names;
    this.compilationUnit = compilationUnit;
    this.topLevelTree = topLevel;
    this.topSymbol = topLevel.sym;
    this.source = new SourceLines(compilationUnit);
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
