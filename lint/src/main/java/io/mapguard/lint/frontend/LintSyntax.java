package io.mapguard.lint.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import io.mapguard.engine.extract.CallShapes;
import io.mapguard.engine.extract.SyntaxPath;
import io.mapguard.engine.extract.SyntaxPort;
import java.util.ArrayList;
import java.util.List;

/** mapvet's answers to the shared extraction's questions, on JavaParser trees. */
final class LintSyntax implements SyntaxPort<Node> {
  static final LintSyntax INSTANCE = new LintSyntax();
  static final CallShapes<Node> CALL_SHAPES = new CallShapes<>(INSTANCE);

  private LintSyntax() {}

  /** The engine's path of {@code node}: it and its parents. */
  static SyntaxPath<Node> path(Node node) {
    List<Node> outward = new ArrayList<>();
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      outward.add(n);
    }
    SyntaxPath<Node> result = null;
    for (int i = outward.size() - 1; i >= 0; i--) {
      result = new SyntaxPath<>(outward.get(i), result);
    }
    return result;
  }

  @Override
  public Kind kind(Node node) {
    if (node instanceof Expression) {
      return expressionKind((Expression) node);
    }
    if (node instanceof Statement) {
      if (node instanceof IfStmt) {
        return Kind.IF;
      }
      if (node instanceof BlockStmt) {
        return Kind.BLOCK;
      }
      if (node instanceof ReturnStmt) {
        return Kind.RETURN;
      }
      if (node instanceof ThrowStmt) {
        return Kind.THROW;
      }
      if (node instanceof BreakStmt) {
        return Kind.BREAK;
      }
      return node instanceof ContinueStmt ? Kind.CONTINUE : Kind.OTHER_STATEMENT;
    }
    if (node instanceof CallableDeclaration) {
      return Kind.METHOD;
    }
    if (node instanceof TypeDeclaration) {
      return Kind.CLASS;
    }
    return node instanceof BodyDeclaration ? Kind.MEMBER : Kind.OTHER;
  }

  private static Kind expressionKind(Expression e) {
    if (e instanceof EnclosedExpr) {
      return Kind.PARENS;
    }
    if (e instanceof CastExpr) {
      return Kind.CAST;
    }
    if (e instanceof NameExpr) {
      return Kind.IDENTIFIER;
    }
    if (e instanceof ThisExpr) {
      return ((ThisExpr) e).getTypeName().isEmpty() ? Kind.THIS : Kind.OTHER_EXPRESSION;
    }
    if (e instanceof FieldAccessExpr) {
      return Kind.FIELD_ACCESS;
    }
    if (e instanceof MethodCallExpr) {
      return Kind.METHOD_CALL;
    }
    if (e instanceof LiteralExpr) {
      return Kind.LITERAL;
    }
    if (e instanceof BinaryExpr) {
      switch (((BinaryExpr) e).getOperator()) {
        case PLUS:
          return Kind.PLUS;
        case EQUALS:
          return Kind.EQUAL;
        case NOT_EQUALS:
          return Kind.NOT_EQUAL;
        case AND:
          return Kind.CONDITIONAL_AND;
        default:
          return Kind.OTHER_EXPRESSION;
      }
    }
    if (e instanceof UnaryExpr) {
      return ((UnaryExpr) e).getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT
          ? Kind.LOGICAL_NOT
          : Kind.OTHER_EXPRESSION;
    }
    return e instanceof LambdaExpr ? Kind.LAMBDA : Kind.OTHER_EXPRESSION;
  }

  @Override
  public Node skipParens(Node expression) {
    return LintSymbols.skipParens((Expression) expression);
  }

  @Override
  public Node castOperand(Node cast) {
    return ((CastExpr) cast).getExpression();
  }

  @Override
  public Node left(Node binary) {
    return ((BinaryExpr) binary).getLeft();
  }

  @Override
  public Node right(Node binary) {
    return ((BinaryExpr) binary).getRight();
  }

  @Override
  public Node operand(Node unary) {
    return ((UnaryExpr) unary).getExpression();
  }

  @Override
  public String name(Node node) {
    return ((NodeWithSimpleName<?>) node).getNameAsString();
  }

  @Override
  public Node selected(Node fieldAccess) {
    return ((FieldAccessExpr) fieldAccess).getScope();
  }

  @Override
  public Node receiver(Node call) {
    return ((MethodCallExpr) call).getScope().orElse(null);
  }

  @Override
  @SuppressWarnings("unchecked") // JavaParser's NodeList<Expression> read as nodes
  public List<Node> arguments(Node call) {
    return (List<Node>) (List<? extends Node>) ((MethodCallExpr) call).getArguments();
  }

  @Override
  public String literalKey(Node literal) {
    if (literal instanceof NullLiteralExpr) {
      return "null";
    }
    if (literal instanceof StringLiteralExpr) {
      return "\"" + ((StringLiteralExpr) literal).asString() + "\"";
    }
    if (literal instanceof IntegerLiteralExpr) {
      return String.valueOf(((IntegerLiteralExpr) literal).asNumber());
    }
    if (literal instanceof LongLiteralExpr) {
      return String.valueOf(((LongLiteralExpr) literal).asNumber());
    }
    if (literal instanceof BooleanLiteralExpr) {
      return String.valueOf(((BooleanLiteralExpr) literal).getValue());
    }
    return null;
  }

  @Override
  public boolean isNullLiteral(Node expression) {
    return LintSymbols.skipParens((Expression) expression) instanceof NullLiteralExpr;
  }

  @Override
  public Node condition(Node ifStatement) {
    return ((IfStmt) ifStatement).getCondition();
  }

  @Override
  public Node thenPart(Node ifStatement) {
    return ((IfStmt) ifStatement).getThenStmt();
  }

  @Override
  public Node elsePart(Node ifStatement) {
    return ((IfStmt) ifStatement).getElseStmt().orElse(null);
  }

  @Override
  @SuppressWarnings("unchecked") // JavaParser's NodeList<Statement> read as nodes
  public List<Node> statements(Node block) {
    return (List<Node>) (List<? extends Node>) ((BlockStmt) block).getStatements();
  }

  @Override
  public int order(Node node) {
    return LintSourceSites.order(node);
  }
}
