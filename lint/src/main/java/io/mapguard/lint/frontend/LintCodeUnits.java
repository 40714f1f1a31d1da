package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.mapguard.engine.extract.MethodUnits;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.lint.frontend.LintExtractionState.UnitInfo;
import io.mapguard.lint.symbols.AstNodes;
import java.util.ArrayList;
import java.util.List;

/**
 * The code units of the class: one for each method with a body and each constructor of a named
 * class (what each holds on entry and whether only this file calls it is {@link MethodUnits}'), and
 * one for each class's field initializers and initializer blocks.
 */
final class LintCodeUnits {
  private final LintExtractionState state;
  private final AstFactExtractor extraction;
  private final MethodUnits<Node> units;

  LintCodeUnits(AstFactExtractor extraction) {
    this.extraction = extraction;
    this.state = extraction.state;
    this.units = new MethodUnits<>(state.shapes, state.locks, state.cleaningActions, () -> state.nextUnitId++);
  }

  void createMethodUnits() {
    // the walk that leaves out names, types and literals: no class is declared inside them
    List<TypeDeclaration<?>> types = new ArrayList<>();
    AstNodes.forEachInOrder(
        state.topLevel,
        node -> {
          if (node instanceof TypeDeclaration<?> type) {
            types.add(type);
          }
        });
    for (TypeDeclaration<?> type : types) {
      if (state.syntax.insideAnonymousClass(type)) {
        continue; // named classes of the top-level type (itself, nested, local), not in anonymous ones
      }
      for (BodyDeclaration<?> member : type.getMembers()) {
        if (member instanceof MethodDeclaration && ((MethodDeclaration) member).getBody().isPresent()
            || member instanceof ConstructorDeclaration) {
          state.methodUnits.put(member, register(units.unitOf(member, type), member));
        }
      }
    }
  }

  CodeUnit register(CodeUnit unit, Node body) {
    state.infos.put(unit, new UnitInfo(unit, body));
    return unit;
  }

  CodeUnit initializerUnit(TypeDeclaration<?> owner) {
    return state.initializerUnits.computeIfAbsent(owner, o -> register(units.initializerUnit(owner), null));
  }
}
