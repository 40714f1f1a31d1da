package io.mapguard.javac;

import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAnnotatedType;
import com.sun.tools.javac.tree.JCTree.JCAnnotation;
import com.sun.tools.javac.tree.JCTree.JCArrayAccess;
import com.sun.tools.javac.tree.JCTree.JCAssert;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCAssignOp;
import com.sun.tools.javac.tree.JCTree.JCBinary;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCCatch;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCConditional;
import com.sun.tools.javac.tree.JCTree.JCEnhancedForLoop;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCExpressionStatement;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCForLoop;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCIf;
import com.sun.tools.javac.tree.JCTree.JCInstanceOf;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCLiteral;
import com.sun.tools.javac.tree.JCTree.JCMemberReference;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCModifiers;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import com.sun.tools.javac.tree.JCTree.JCReturn;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCTry;
import com.sun.tools.javac.tree.JCTree.JCTypeApply;
import com.sun.tools.javac.tree.JCTree.JCTypeCast;
import com.sun.tools.javac.tree.JCTree.JCUnary;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.JCTree.JCWhileLoop;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Names;
import io.mapguard.engine.extract.SyntaxPath;
import io.mapguard.engine.extract.SyntaxPort;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The javac front end's answers to the shared extraction's questions, on attributed javac trees. */
final class JavacSyntax implements SyntaxPort<JCTree> {

  /** The unit whose line map gives lines. */
  private final JCCompilationUnit unit;

  private final JavacTypes types;
  /** The class being analysed: its own {@code this} and fields go by bare names. */
  private final ClassSymbol topLevel;
  /** The unit's methods by symbol, collected when first asked for. */
  private Map<Symbol, JCMethodDecl> methods;

  JavacSyntax(JCCompilationUnit unit, JavacTypes types, ClassSymbol topLevel) {
    this.unit = unit;
    this.types = types;
    this.topLevel = topLevel;
  }

  /**
   * The engine's path of the tree at {@code path}: a view of javac's path that leaves out the
   * {@code a.m} of a call {@code a.m(…)}, as the port promises (JavaParser has no such node): the
   * receiver's parent is the call.
   */
  static SyntaxPath<JCTree> path(TreePath path) {
    return new TreePathView(path);
  }

  /** javac's path of a node the engine reached through {@link #path} (its views keep javac's path). */
  static TreePath treePath(SyntaxPath<JCTree> path) {
    return ((TreePathView) path).path;
  }

  /** javac's own path, read lazily: the parent view is made when a walk gets there. */
  private static final class TreePathView implements SyntaxPath<JCTree> {
    private final TreePath path;
    private SyntaxPath<JCTree> parent;
    private boolean parentKnown;

    TreePathView(TreePath path) {
      this.path = path;
    }

    @Override
    public JCTree leaf() {
      return (JCTree) path.getLeaf();
    }

    @Override
    public SyntaxPath<JCTree> parent() {
      if (!parentKnown) {
        TreePath up = path.getParentPath();
        if (up != null
            && up.getParentPath() != null
            && up.getParentPath().getLeaf() instanceof JCMethodInvocation
            && ((JCMethodInvocation) up.getParentPath().getLeaf()).meth == up.getLeaf()) {
          up = up.getParentPath();
        }
        parent = up == null ? null : new TreePathView(up);
        parentKnown = true;
      }
      return parent;
    }
  }

  @Override
  public Kind kind(JCTree node) {
    switch (node.getTag()) {
      case PARENS:
        return Kind.PARENS;
      case TYPECAST:
        return Kind.CAST;
      case IDENT:
        {
          // javac's names are interned in its name table: compared by identity, never decoded
          Name name = ((JCIdent) node).name;
          Names names = name.table.names;
          return name == names._this
              ? Kind.THIS
              : name == names._super ? Kind.OTHER_EXPRESSION : Kind.IDENTIFIER;
        }
      case SELECT:
        {
          Name member = ((JCFieldAccess) node).name;
          Names names = member.table.names;
          if (member == names._class) {
            return Kind.CLASS_LITERAL;
          }
          if (member == names._this) {
            return Kind.QUALIFIED_THIS;
          }
          return member == names._super ? Kind.OTHER_EXPRESSION : Kind.FIELD_ACCESS;
        }
      case APPLY:
        return Kind.METHOD_CALL;
      case NEWCLASS:
        return Kind.NEW;
      case LITERAL:
        return Kind.LITERAL;
      case PLUS:
        return Kind.PLUS;
      case EQ:
        return Kind.EQUAL;
      case NE:
        return Kind.NOT_EQUAL;
      case AND:
        return Kind.CONDITIONAL_AND;
      case OR:
        return Kind.CONDITIONAL_OR;
      case CONDEXPR:
        return Kind.CONDITIONAL;
      case TYPETEST:
        return Kind.INSTANCE_OF;
      case NOT:
        return Kind.LOGICAL_NOT;
      case INDEXED:
        return Kind.ARRAY_ACCESS;
      case ASSIGN:
        return Kind.ASSIGN;
      case PREINC:
      case PREDEC:
      case POSTINC:
      case POSTDEC:
        return Kind.INCREMENT;
      case LAMBDA:
        return Kind.LAMBDA;
      case REFERENCE:
        return Kind.METHOD_REFERENCE;
      case FOREACHLOOP:
        return Kind.FOR_EACH;
      case WHILELOOP:
        return Kind.WHILE;
      case FORLOOP:
        return Kind.FOR;
      case DOLOOP:
        return Kind.DO_WHILE;
      case IF:
        return Kind.IF;
      case BLOCK:
        return Kind.BLOCK;
      case RETURN:
        return Kind.RETURN;
      case THROW:
        return Kind.THROW;
      case BREAK:
        return Kind.BREAK;
      case CONTINUE:
        return Kind.CONTINUE;
      case ASSERT:
        return Kind.ASSERT;
      case SYNCHRONIZED:
        return Kind.SYNCHRONIZED;
      case TRY:
        return Kind.TRY;
      case EXEC:
        return Kind.EXPRESSION_STATEMENT;
      case METHODDEF:
        return Kind.METHOD;
      case CLASSDEF:
        return Kind.CLASS;
      default:
        if (node instanceof JCAssignOp) {
          return Kind.COMPOUND_ASSIGN;
        }
        return node instanceof JCExpression
            ? Kind.OTHER_EXPRESSION
            : node instanceof JCStatement ? Kind.OTHER_STATEMENT : Kind.OTHER;
    }
  }

  @Override
  public JCTree skipParens(JCTree expression) {
    return TreeInfo.skipParens((JCExpression) expression);
  }

  @Override
  public JCTree castOperand(JCTree cast) {
    return ((JCTypeCast) cast).expr;
  }

  @Override
  public JCTree left(JCTree binary) {
    return ((JCBinary) binary).lhs;
  }

  @Override
  public JCTree right(JCTree binary) {
    return ((JCBinary) binary).rhs;
  }

  @Override
  public JCTree operand(JCTree unary) {
    return unary instanceof JCInstanceOf ? ((JCInstanceOf) unary).expr : ((JCUnary) unary).arg;
  }

  @Override
  public JCTree array(JCTree arrayAccess) {
    return ((JCArrayAccess) arrayAccess).indexed;
  }

  @Override
  public JCTree assignTarget(JCTree assignment) {
    return assignment instanceof JCAssign ? ((JCAssign) assignment).lhs : ((JCAssignOp) assignment).lhs;
  }

  @Override
  public JCTree assignedValue(JCTree assignment) {
    return ((JCAssign) assignment).rhs;
  }

  @Override
  public boolean isVariableDeclaration(JCTree node) {
    return node instanceof JCVariableDecl;
  }

  @Override
  public boolean declaresLocal(JCTree node) {
    return node instanceof JCVariableDecl && isLocal(((JCVariableDecl) node).sym);
  }

  @Override
  public JCTree initializer(JCTree declaration) {
    return ((JCVariableDecl) declaration).init;
  }

  @Override
  public Object declaredVariable(JCTree declaration) {
    return ((JCVariableDecl) declaration).sym;
  }

  @Override
  public boolean declaredTypeIsSubtype(JCTree declaration, String type) {
    Symbol symbol = ((JCVariableDecl) declaration).sym;
    return symbol != null && types.isSubtype(symbol.type, type);
  }

  @Override
  public SyntaxPath<JCTree> statementOfDeclaration(SyntaxPath<JCTree> declaration) {
    return declaration;
  }

  @Override
  public String name(JCTree node) {
    if (node instanceof JCMethodDecl) {
      return types.text(((JCMethodDecl) node).name);
    }
    if (node instanceof JCClassDecl) {
      return types.text(((JCClassDecl) node).name);
    }
    if (node instanceof JCVariableDecl) {
      return types.text(((JCVariableDecl) node).name);
    }
    if (node instanceof JCTree.JCMemberReference reference) {
      return types.text(reference.name);
    }
    return node instanceof JCMethodInvocation
        ? types.text(TreeInfo.name(((JCMethodInvocation) node).meth))
        : types.text(TreeInfo.name(node));
  }

  @Override
  public JCTree selected(JCTree fieldAccess) {
    return ((JCFieldAccess) fieldAccess).selected;
  }

  @Override
  public JCTree receiver(JCTree call) {
    JCExpression method = ((JCMethodInvocation) call).meth;
    return method instanceof JCFieldAccess ? ((JCFieldAccess) method).selected : null;
  }

  @Override
  @SuppressWarnings("unchecked") // javac's List<JCExpression> read as trees
  public List<JCTree> arguments(JCTree call) {
    return (List<JCTree>)
        (List<? extends JCTree>)
            (call instanceof JCNewClass ? ((JCNewClass) call).args : ((JCMethodInvocation) call).args);
  }

  @Override
  public String literalKey(JCTree literal) {
    JCLiteral l = (JCLiteral) literal;
    Object value = l.getValue();
    if (l.typetag == TypeTag.BOT) {
      return "null";
    }
    if (value instanceof String) {
      return "\"" + value + "\"";
    }
    if (l.typetag == TypeTag.INT || l.typetag == TypeTag.LONG || l.typetag == TypeTag.BOOLEAN) {
      return String.valueOf(value);
    }
    return null;
  }

  @Override
  public boolean isNullLiteral(JCTree expression) {
    return nullLiteral(expression);
  }

  /** {@code null}, in parentheses or not. */
  static boolean nullLiteral(JCTree expression) {
    JCTree e = TreeInfo.skipParens(expression);
    return e instanceof JCLiteral && ((JCLiteral) e).typetag == TypeTag.BOT;
  }

  @Override
  public JCTree condition(JCTree test) {
    if (test instanceof JCConditional) {
      return ((JCConditional) test).cond;
    }
    return test instanceof JCAssert ? ((JCAssert) test).cond : ((JCIf) test).cond;
  }

  @Override
  public JCTree thenPart(JCTree test) {
    return test instanceof JCConditional ? ((JCConditional) test).truepart : ((JCIf) test).thenpart;
  }

  @Override
  public JCTree elsePart(JCTree test) {
    return test instanceof JCConditional ? ((JCConditional) test).falsepart : ((JCIf) test).elsepart;
  }

  @Override
  public JCTree tryBlock(JCTree tryStatement) {
    return ((JCTry) tryStatement).body;
  }

  @Override
  public List<JCTree> catchBlocks(JCTree tryStatement) {
    List<JCTree> blocks = new ArrayList<>();
    for (JCCatch clause : ((JCTry) tryStatement).catchers) {
      blocks.add(clause.body);
    }
    return blocks;
  }

  @Override
  public JCTree returnedValue(JCTree returnStatement) {
    return ((JCReturn) returnStatement).expr;
  }

  @Override
  public JCTree statementExpression(JCTree statement) {
    return ((JCExpressionStatement) statement).expr;
  }

  @Override
  public List<JCTree> declarators(JCTree statement) {
    return statement instanceof JCVariableDecl ? List.of(statement) : List.of();
  }

  @Override
  @SuppressWarnings("unchecked") // javac's List<JCStatement> read as trees
  public List<JCTree> statements(JCTree block) {
    return (List<JCTree>) (List<? extends JCTree>) ((JCBlock) block).stats;
  }

  @Override
  public JCTree iterable(JCTree forEach) {
    return ((JCEnhancedForLoop) forEach).expr;
  }

  @Override
  public String loopVariable(JCTree forEach) {
    return types.text(((JCEnhancedForLoop) forEach).var.name);
  }

  @Override
  public JCTree loopBody(JCTree loop) {
    if (loop instanceof JCEnhancedForLoop) {
      return ((JCEnhancedForLoop) loop).body;
    }
    return loop instanceof JCWhileLoop ? ((JCWhileLoop) loop).body : ((JCForLoop) loop).body;
  }

  @Override
  public JCTree loopCondition(JCTree loop) {
    return loop instanceof JCWhileLoop ? ((JCWhileLoop) loop).cond : ((JCForLoop) loop).cond;
  }

  @Override
  public JCTree lambdaBody(JCTree lambda) {
    return ((JCLambda) lambda).body;
  }

  @Override
  public String constructorReferenceType(JCTree methodReference) {
    JCMemberReference reference = (JCMemberReference) methodReference;
    return reference.getMode() == MemberReferenceTree.ReferenceMode.NEW && reference.expr.type != null
        ? types.erasedName(reference.expr.type)
        : null;
  }

  @Override
  public String valueDescriptor(JCTree expression) {
    String type = expression.type == null ? null : types.erasedName(expression.type);
    if (expression instanceof JCNewClass && type != null) {
      return "new:" + type;
    }
    String factory = expression instanceof JCMethodInvocation ? staticCallTarget(expression) : null;
    if (factory != null) {
      return "call:" + factory;
    }
    return type == null ? null : "type:" + type;
  }

  @Override
  @SuppressWarnings("unchecked") // javac's List<JCVariableDecl> read as trees
  public List<JCTree> parameters(JCTree methodOrLambda) {
    return (List<JCTree>)
        (List<? extends JCTree>)
            (methodOrLambda instanceof JCMethodDecl
                ? ((JCMethodDecl) methodOrLambda).params
                : ((JCLambda) methodOrLambda).params);
  }

  @Override
  public List<String> annotationNames(JCTree declaration) {
    List<String> names = new ArrayList<>();
    JCTree type;
    if (declaration instanceof JCMethodDecl) {
      addAnnotationNames(((JCMethodDecl) declaration).mods.annotations, names);
      type = ((JCMethodDecl) declaration).restype;
    } else {
      addAnnotationNames(((JCVariableDecl) declaration).mods.annotations, names);
      type = ((JCVariableDecl) declaration).vartype;
    }
    if (type instanceof JCAnnotatedType) {
      addAnnotationNames(((JCAnnotatedType) type).annotations, names);
    }
    return names;
  }

  private static void addAnnotationNames(List<JCAnnotation> annotations, List<String> names) {
    for (JCAnnotation annotation : annotations) {
      if (annotation.annotationType.type != null) {
        names.add(annotation.annotationType.type.tsym.getQualifiedName().toString());
      }
    }
  }

  @Override
  public JCTree calledMethod(JCTree call) {
    if (methods == null) {
      methods = new HashMap<>();
      new TreeScanner() {
        @Override
        public void visitMethodDef(JCMethodDecl tree) {
          if (tree.sym != null) {
            methods.put(tree.sym, tree);
          }
          super.visitMethodDef(tree);
        }
      }.scan(unit);
    }
    return methods.get(
        call instanceof JCTree.JCMemberReference reference
            ? reference.sym
            : TreeInfo.symbol(((JCMethodInvocation) call).meth));
  }

  @Override
  public Object callee(JCTree call) {
    Symbol symbol =
        call instanceof JCNewClass
            ? ((JCNewClass) call).constructor
            : TreeInfo.symbol(((JCMethodInvocation) call).meth);
    return symbol instanceof MethodSymbol && symbol.owner != null ? symbol : null;
  }

  @Override
  public String createdTypeName(JCTree creation) {
    JCTree type = ((JCNewClass) creation).clazz;
    if (type instanceof JCTypeApply) {
      type = ((JCTypeApply) type).clazz;
    }
    if (type instanceof JCAnnotatedType) {
      type = ((JCAnnotatedType) type).underlyingType;
    }
    return String.valueOf(TreeInfo.name(type));
  }

  @Override
  public String variableInitializedBy(JCTree holder, JCTree value) {
    Symbol target = null;
    if (holder instanceof JCVariableDecl && TreeInfo.skipParens(((JCVariableDecl) holder).init) == value) {
      target = ((JCVariableDecl) holder).sym;
    } else if (holder instanceof JCAssign && TreeInfo.skipParens(((JCAssign) holder).rhs) == value) {
      target = TreeInfo.symbol(((JCAssign) holder).lhs);
    }
    if (!(target instanceof VarSymbol)) {
      return null;
    }
    return target.owner instanceof ClassSymbol ? fieldName((VarSymbol) target) : types.text(target.getSimpleName());
  }

  @Override
  public boolean isMap(JCTree expression) {
    return types.isMap(expression.type);
  }

  @Override
  public boolean isSubtype(JCTree expression, String type) {
    if (expression instanceof JCClassDecl) {
      return ((JCClassDecl) expression).sym != null && types.isSubtype(((JCClassDecl) expression).sym.type, type);
    }
    return expression.type != null && types.isSubtype(expression.type, type);
  }

  @Override
  public boolean returnsBoolean(JCTree call) {
    Symbol method = TreeInfo.symbol(((JCMethodInvocation) call).meth);
    return method instanceof MethodSymbol && ((MethodSymbol) method).getReturnType().getTag() == TypeTag.BOOLEAN;
  }

  @Override
  public String thisName(JCTree self) {
    if (self instanceof JCClassDecl) {
      return thisOf(((JCClassDecl) self).sym);
    }
    JCTree type = self instanceof JCFieldAccess ? ((JCFieldAccess) self).selected : self;
    return thisOf(type.type == null ? null : type.type.tsym);
  }

  @Override
  public String classLiteralName(JCTree classLiteral) {
    return simpleName(TreeInfo.symbol(((JCFieldAccess) classLiteral).selected));
  }

  @Override
  public String fieldName(JCTree expression) {
    Symbol symbol = TreeInfo.symbol(expression);
    return symbol instanceof VarSymbol && symbol.owner instanceof ClassSymbol ? fieldName((VarSymbol) symbol) : null;
  }

  @Override
  public JCTree otherClassConstantInitializer(JCTree expression) {
    Symbol symbol = TreeInfo.symbol(expression);
    if (!(symbol instanceof VarSymbol field)
        || (field.flags() & (Flags.STATIC | Flags.FINAL)) != (Flags.STATIC | Flags.FINAL)
        || !(symbol.owner instanceof ClassSymbol owner)
        || owner.outermostClass() == topLevel) {
      return null;
    }
    JCVariableDecl declaration = types.fieldTree(field);
    return declaration == null ? null : declaration.init;
  }

  @Override
  public String fieldOwner(JCTree expression) {
    Symbol symbol = TreeInfo.symbol(expression);
    return symbol instanceof VarSymbol && symbol.owner instanceof ClassSymbol owner
        ? types.text(owner.getQualifiedName())
        : null;
  }

  @Override
  public boolean isStaticField(JCTree expression) {
    Symbol symbol = TreeInfo.symbol(expression);
    return symbol instanceof VarSymbol && symbol.owner instanceof ClassSymbol && (symbol.flags() & Flags.STATIC) != 0;
  }

  /** The engine's name for {@code this} of {@code type}: see {@link #thisName}. */
  String thisOf(Symbol type) {
    return type == null || type == topLevel ? "this" : simpleName(type) + ".this";
  }

  /** The engine's name for a field: {@code cache}, or {@code State.index} outside the class analysed. */
  String fieldName(VarSymbol field) {
    if (field.owner == topLevel) {
      return types.text(field.getSimpleName());
    }
    return simpleName(field.owner) + "." + field.getSimpleName();
  }

  private static String simpleName(Symbol symbol) {
    if (symbol == null) {
      return "?";
    }
    String name = symbol.getSimpleName().toString();
    return name.isEmpty() ? "anonymous@" + Integer.toHexString(System.identityHashCode(symbol)) : name;
  }

  @Override
  public List<String> typeAndSupertypes(JCTree expression) {
    return expression.type == null ? null : types.typeAndSupertypes(expression.type);
  }

  @Override
  public boolean typeKnown(JCTree expression) {
    return expression.type != null;
  }

  @Override
  public String staticCallTarget(JCTree call) {
    Symbol symbol = TreeInfo.symbol(((JCMethodInvocation) call).meth);
    return symbol instanceof MethodSymbol && symbol.isStatic()
        ? symbol.owner.getQualifiedName() + "." + symbol.getSimpleName()
        : null;
  }

  @Override
  public String text(JCTree expression) {
    return expression.toString();
  }

  @Override
  public Object localVariable(JCTree expression) {
    Symbol symbol = TreeInfo.symbol(skipParens(expression));
    return isLocal(symbol) ? symbol : null;
  }

  @Override
  public Object variable(JCTree expression) {
    Symbol symbol = TreeInfo.symbol(expression);
    return symbol instanceof VarSymbol ? symbol : null;
  }

  @Override
  public boolean namesVariable(JCTree identifier) {
    return TreeInfo.symbol(identifier) instanceof VarSymbol;
  }

  @Override
  public void forEachNode(JCTree root, Predicate<JCTree> enter) {
    new TreeScanner() {
      @Override
      public void scan(JCTree tree) {
        if (tree != null && enter.test(tree)) {
          super.scan(tree);
        }
      }
    }.scan(root);
  }

  /** The kinds one javac tag always is, for {@link #forEachNodeOf}. */
  private static final Map<Kind, JCTree.Tag> TAG_OF_KIND =
      Map.of(
          Kind.METHOD_CALL, JCTree.Tag.APPLY,
          Kind.NEW, JCTree.Tag.NEWCLASS,
          Kind.SYNCHRONIZED, JCTree.Tag.SYNCHRONIZED,
          Kind.METHOD, JCTree.Tag.METHODDEF,
          Kind.CLASS, JCTree.Tag.CLASSDEF,
          Kind.ASSIGN, JCTree.Tag.ASSIGN);

  @Override
  public void forEachNodeOf(JCTree root, Set<Kind> kinds, boolean declarations, Consumer<JCTree> action) {
    Set<JCTree.Tag> tags = EnumSet.noneOf(JCTree.Tag.class);
    for (Kind kind : kinds) {
      JCTree.Tag tag = TAG_OF_KIND.get(kind);
      if (tag == null) {
        SyntaxPort.super.forEachNodeOf(root, kinds, declarations, action);
        return;
      }
      tags.add(tag);
    }
    if (declarations) {
      tags.add(JCTree.Tag.VARDEF);
    }
    new TreeScanner() {
      @Override
      public void scan(JCTree tree) {
        if (tree != null) {
          if (tags.contains(tree.getTag())) {
            action.accept(tree);
          }
          tree.accept(this);
        }
      }
    }.scan(root);
  }

  @Override
  public String declaredName(JCTree statement) {
    return statement instanceof JCVariableDecl && ((JCVariableDecl) statement).init != null
        ? types.text(((JCVariableDecl) statement).name)
        : null;
  }

  @Override
  public JCTree declaredInitializer(JCTree statement) {
    return ((JCVariableDecl) statement).init;
  }

  @Override
  public int line(JCTree node) {
    return (int) unit.getLineMap().getLineNumber(node.getStartPosition());
  }

  private static final Map<Modifier, Long> FLAGS =
      Map.of(
          Modifier.PRIVATE, (long) Flags.PRIVATE,
          Modifier.STATIC, (long) Flags.STATIC,
          Modifier.SYNCHRONIZED, (long) Flags.SYNCHRONIZED,
          Modifier.VOLATILE, (long) Flags.VOLATILE,
          Modifier.FINAL, (long) Flags.FINAL,
          Modifier.PUBLIC, (long) Flags.PUBLIC,
          Modifier.PROTECTED, (long) Flags.PROTECTED);

  @Override
  public boolean hasModifier(JCTree declaration, Modifier modifier) {
    // a variable's symbol has the implied modifiers too (an interface's fields are static and final)
    long flags =
        declaration instanceof JCVariableDecl && ((JCVariableDecl) declaration).sym != null
            ? ((JCVariableDecl) declaration).sym.flags()
            : modifiers(declaration).flags;
    return (flags & FLAGS.get(modifier)) != 0;
  }

  private static JCModifiers modifiers(JCTree declaration) {
    if (declaration instanceof JCMethodDecl) {
      return ((JCMethodDecl) declaration).mods;
    }
    return declaration instanceof JCClassDecl
        ? ((JCClassDecl) declaration).mods
        : ((JCVariableDecl) declaration).mods;
  }

  @Override
  public List<Annotation> annotations(JCTree declaration) {
    return annotationsOf(modifiers(declaration).annotations);
  }

  private List<Annotation> annotationsOf(List<JCAnnotation> written) {
    if (written.isEmpty()) {
      return List.of(); // most declarations: asked of every method and field in the triage
    }
    List<Annotation> annotations = new ArrayList<>();
    for (JCAnnotation annotation : written) {
      Type type = annotation.annotationType.type;
      String name = type == null ? "" : types.text(type.tsym.getQualifiedName());
      annotations.add(new Annotation(name, CodeUnits.annotationValues(annotation)));
    }
    return annotations;
  }

  @Override
  public JCTree methodBody(JCTree method) {
    return ((JCMethodDecl) method).body;
  }

  @Override
  public boolean isConstructor(JCTree method) {
    return ((JCMethodDecl) method).sym.isConstructor();
  }

  @Override
  public List<String> parameterTypesAsWritten(JCTree method) {
    return ((JCMethodDecl) method).params.stream().map(p -> p.vartype.toString()).toList();
  }

  @Override
  public String methodDisplayName(JCTree method) {
    JCMethodDecl declaration = (JCMethodDecl) method;
    StringBuilder name = new StringBuilder();
    name.append(types.text(declaration.sym.isConstructor() ? declaration.sym.owner.getSimpleName() : declaration.name));
    name.append('(');
    for (int i = 0; i < declaration.params.size(); i++) {
      name.append(i == 0 ? "" : ", ").append(types.text(declaration.params.get(i).sym.type.tsym.getSimpleName()));
    }
    return name.append(')').toString();
  }

  @Override
  public boolean onlyThisFileSees(JCTree type) {
    for (Symbol s = ((JCClassDecl) type).sym; s instanceof ClassSymbol; s = s.owner) {
      if ((s.flags() & Flags.PRIVATE) != 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLocal(Symbol symbol) {
    return symbol instanceof VarSymbol && !(symbol.owner instanceof ClassSymbol);
  }

  @Override
  public boolean resolvesTypesCheaply() {
    return true;
  }

  @Override
  public boolean declaresMap(JCTree declaration) {
    Symbol symbol = ((JCVariableDecl) declaration).sym;
    return symbol != null && types.isMap(symbol.type);
  }

  @Override
  public boolean isFieldOfNamedClass(JCTree declaration) {
    Symbol symbol = ((JCVariableDecl) declaration).sym;
    return symbol != null && symbol.owner instanceof ClassSymbol && !SourceSites.isAnonymous(symbol.owner);
  }

  @Override
  public boolean hasClassBody(JCTree creation) {
    return ((JCNewClass) creation).def != null;
  }

  @Override
  public boolean sizedByInt(JCTree creation) {
    Symbol constructor = ((JCNewClass) creation).constructor;
    return creation.type != null
        && constructor instanceof MethodSymbol
        && ((MethodSymbol) constructor).params().head.type.hasTag(TypeTag.INT);
  }

  @Override
  public String variableName(JCTree declaration) {
    VarSymbol symbol = ((JCVariableDecl) declaration).sym;
    return symbol.owner instanceof ClassSymbol ? fieldName(symbol) : types.text(symbol.name);
  }

  @Override
  public List<String> declaredTypeChain(JCTree declaration) {
    return types.typeAndSupertypes(((JCVariableDecl) declaration).sym.type);
  }

  @Override
  public String declaredTypeAsWritten(JCTree declaration) {
    JCTree type = ((JCVariableDecl) declaration).vartype;
    if (type instanceof JCAnnotatedType annotated) {
      type = annotated.underlyingType;
    }
    if (type instanceof JCTypeApply generic) {
      type = generic.clazz;
    }
    return type instanceof JCIdent name
        ? name.name.toString()
        : type instanceof JCFieldAccess qualified ? qualified.name.toString() : null;
  }

  @Override
  public String mapValueType(JCTree declaration) {
    return types.mapValueType(((JCVariableDecl) declaration).sym.type);
  }

  @Override
  public List<Annotation> typeAnnotations(JCTree declaration) {
    JCTree type = ((JCVariableDecl) declaration).vartype;
    return type instanceof JCAnnotatedType ? annotationsOf(((JCAnnotatedType) type).annotations) : List.of();
  }

  @Override
  public JCTree declaringClass(JCTree fieldDeclaration) {
    Symbol owner = ((JCVariableDecl) fieldDeclaration).sym.owner;
    return owner instanceof ClassSymbol ? types.classTree((ClassSymbol) owner) : null;
  }

  @Override
  public String fieldNameIn(JCTree type, String name) {
    for (Symbol owner = ((JCClassDecl) type).sym; owner instanceof ClassSymbol; owner = owner.owner) {
      for (Symbol member : ((ClassSymbol) owner).members().getSymbolsByName(types.elements().getName(name))) {
        if (member instanceof VarSymbol) {
          return fieldName((VarSymbol) member);
        }
      }
    }
    return null;
  }

  @Override
  public JCTree loopVariableDeclaration(JCTree forEach) {
    return ((JCEnhancedForLoop) forEach).var;
  }

  @Override
  @SuppressWarnings("unchecked") // javac's List<JCExpression> read as trees
  public List<JCTree> superConstructorArguments(JCTree constructor) {
    JCBlock body = ((JCMethodDecl) constructor).body;
    if (body == null) {
      return null;
    }
    for (JCStatement statement : body.stats) {
      if (statement instanceof JCExpressionStatement
          && ((JCExpressionStatement) statement).expr instanceof JCMethodInvocation) {
        JCMethodInvocation call = (JCMethodInvocation) ((JCExpressionStatement) statement).expr;
        if (TreeInfo.name(call.meth).contentEquals("super")) {
          return (List<JCTree>) (List<? extends JCTree>) call.args;
        }
      }
    }
    return null;
  }

  @Override
  public List<JCTree> classBodyMethods(JCTree creation) {
    List<JCTree> methods = new ArrayList<>();
    for (JCTree member : ((JCNewClass) creation).def.defs) {
      if (member instanceof JCMethodDecl && ((JCMethodDecl) member).body != null) {
        methods.add(member);
      }
    }
    return methods;
  }

  @Override
  public String flatName(JCTree type) {
    ClassSymbol symbol = ((JCClassDecl) type).sym;
    return symbol == null || SourceSites.isAnonymous(symbol) ? null : symbol.flatName().toString();
  }

  @Override
  public List<String> classTypes(JCTree type) {
    ClassSymbol symbol = ((JCClassDecl) type).sym;
    if (symbol == null || SourceSites.isAnonymous(symbol) || !(symbol.owner instanceof Symbol.PackageSymbol
        || symbol.owner instanceof ClassSymbol)) {
      return List.of(); // anonymous or local
    }
    return types.classTypes(symbol);
  }

  @Override
  public Overriding overriding(JCTree method) {
    return types.overriding(((JCMethodDecl) method).sym);
  }

  @Override
  public JCTree synchronizedLock(JCTree statement) {
    return TreeInfo.skipParens(((JCTree.JCSynchronized) statement).lock);
  }

  @Override
  public SyntaxPath<JCTree> pathTo(JCTree node) {
    return path(TreePath.getPath(unit, node));
  }

  @Override
  public int order(JCTree node) {
    return node.getStartPosition();
  }
}
