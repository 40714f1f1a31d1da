package io.mapguard.lint.frontend;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.model.ClassFacts;
import java.util.Optional;

/** Translates one top-level JavaParser type into engine facts. Work in progress. */
final class AstFactExtractor {
  private final AnalysisOptions options;
  private final CompilationUnit unit;
  private final TypeDeclaration<?> type;
  private final String file;

  AstFactExtractor(AnalysisOptions options, CompilationUnit unit, TypeDeclaration<?> type, String file) {
    this.options = options;
    this.unit = unit;
    this.type = type;
    this.file = file;
  }

  Optional<ClassFacts> extract() {
    return Optional.empty();
  }
}
