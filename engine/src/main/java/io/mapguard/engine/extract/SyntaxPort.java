package io.mapguard.engine.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What the shared extraction asks a front end about its trees. {@code N} is the front end's node
 * type (a javac {@code JCTree}, a JavaParser {@code Node}); nodes are compared by identity. Every
 * answer is about syntax, symbols and types as the front end knows them: what the code means for
 * the analysis is decided once, in the engine (see docs/design.md, "a narrow port, not an IR").
 *
 * <p>A method is only asked about a node of the kind it names ({@link #thenPart} of an
 * {@link Kind#IF}, …).
 */
public interface SyntaxPort<N> {

  /** The modifiers the extraction reads. */
  enum Modifier {
    PRIVATE,
    STATIC,
    SYNCHRONIZED,
    VOLATILE,
    FINAL,
    PUBLIC,
    PROTECTED
  }

  /** What a method overrides, as far as the front end can tell (see {@link #overriding}). */
  enum Overriding {
    /** Nothing: no supertype declares a method it overrides. */
    NONE,
    /** Only methods declared in the project's own sources, whose calls the project holds. */
    PROJECT,
    /** A method of a library or the JDK (which calls it where the project cannot see), or unknown. */
    OTHER
  }

  /**
   * An annotation written on a declaration: its name as the front end resolves it (qualified, or as
   * written when it cannot), and the literal values of its members (an array's elements one by one).
   */
  record Annotation(String name, List<String> values) {
    /** Whether one of {@code annotations} has one of {@code names}. */
    static boolean anyNamed(List<Annotation> annotations, Set<String> names) {
      return annotations.stream().anyMatch(a -> names.contains(a.name()));
    }
  }

  /** The kinds of node the extraction tells apart; everything else is one of the OTHER kinds. */
  enum Kind {
    PARENS,
    CAST,
    /** A simple name: a local, a parameter, a field, a type. */
    IDENTIFIER,
    /** The unqualified {@code this}. */
    THIS,
    /** {@code Outer.this}. */
    QUALIFIED_THIS,
    /** {@code Foo.class}. */
    CLASS_LITERAL,
    /** {@code a.b}: a field, or a qualified name (not {@code A.class}, {@code A.this}, {@code super.b}). */
    FIELD_ACCESS,
    METHOD_CALL,
    /** {@code new T(…)}, with or without a class body (not an array creation). */
    NEW,
    /** A literal {@link #literalKey} can spell, or another literal. */
    LITERAL,
    PLUS,
    EQUAL,
    NOT_EQUAL,
    CONDITIONAL_AND,
    CONDITIONAL_OR,
    /** {@code c ? a : b}. */
    CONDITIONAL,
    /** {@code x instanceof T}, with or without a pattern. */
    INSTANCE_OF,
    LOGICAL_NOT,
    /** {@code a[i]}. */
    ARRAY_ACCESS,
    /** {@code x = v}. */
    ASSIGN,
    /** {@code x += v} and the other compound assignments. */
    COMPOUND_ASSIGN,
    /** {@code ++x}, {@code x++}, {@code --x}, {@code x--}. */
    INCREMENT,
    LAMBDA,
    METHOD_REFERENCE,
    /** Any other expression. */
    OTHER_EXPRESSION,
    IF,
    BLOCK,
    /** {@code for (T x : xs)}. */
    FOR_EACH,
    WHILE,
    /** {@code for (init; condition; update)}. */
    FOR,
    /** {@code do … while (condition)}. */
    DO_WHILE,
    RETURN,
    THROW,
    BREAK,
    CONTINUE,
    ASSERT,
    /** {@code synchronized (lock) { … }}. */
    SYNCHRONIZED,
    /** {@code try}, with or without resources. */
    TRY,
    /** An expression used as a statement ({@code m.put(k, v);}): its value is thrown away. */
    EXPRESSION_STATEMENT,
    /** Any other statement (a local variable declaration in javac, an expression statement…). */
    OTHER_STATEMENT,
    /** A method or constructor. */
    METHOD,
    /** A class, interface, enum or record, anonymous ones included. */
    CLASS,
    /**
     * Another member declaration the front end keeps as a node of its own (JavaParser: a field,
     * an initializer, an enum constant); javac's fields and initializers are statements and blocks.
     */
    MEMBER,
    /** Any other node: neither an expression nor a statement (a JavaParser variable declarator…). */
    OTHER;

    public boolean wrapsExpression() {
      return this == PARENS || this == CAST;
    }

    /** Whether it is an expression (lambdas included). */
    public boolean isExpression() {
      return compareTo(OTHER_EXPRESSION) <= 0;
    }

    public boolean isStatement() {
      return compareTo(IF) >= 0 && compareTo(OTHER_STATEMENT) <= 0;
    }

    /** A loop: its body may run many times. */
    public boolean isLoop() {
      return this == FOR || this == FOR_EACH || this == WHILE || this == DO_WHILE;
    }

    /** Where a walk outward from a statement leaves its body of code. */
    public boolean isCodeBoundary() {
      return this == LAMBDA || this == METHOD || this == CLASS || this == MEMBER;
    }
  }

  Kind kind(N node);

  /** The expression inside any parentheses around {@code expression} (casts are kept). */
  N skipParens(N expression);

  /** The operand of a {@link Kind#CAST}. */
  N castOperand(N cast);

  /** The left operand of a binary operator ({@link Kind#PLUS}, {@link Kind#EQUAL}…). */
  N left(N binary);

  N right(N binary);

  /** The operand of {@link Kind#LOGICAL_NOT}, {@link Kind#INCREMENT} or {@link Kind#INSTANCE_OF}. */
  N operand(N unary);

  /** The array of an {@link Kind#ARRAY_ACCESS} ({@code a} in {@code a[i]}). */
  N array(N arrayAccess);

  /** What an {@link Kind#ASSIGN} or {@link Kind#COMPOUND_ASSIGN} assigns to. */
  N assignTarget(N assignment);

  /** The value an {@link Kind#ASSIGN} assigns. */
  N assignedValue(N assignment);

  /**
   * The name of the local variable the node declares (javac: a local's declaration; JavaParser: one
   * declarator of a local declaration), or null for anything else, fields included.
   */
  default String localDeclaredBy(N node) {
    return declaresLocal(node) ? name(node) : null;
  }

  /** Whether the node declares a local variable (see {@link #localDeclaredBy}), without spelling its name. */
  boolean declaresLocal(N node);

  /**
   * The initializer of a variable declaration (a local {@link #localDeclaredBy} names, a field's
   * declaration: javac's variable declaration, JavaParser's declarator), or null.
   */
  N initializer(N declaration);

  /**
   * Whether the node declares one variable, a local or a field (javac's variable declaration,
   * JavaParser's declarator): what {@link #initializer} and {@link #declaredVariable} are asked of.
   */
  boolean isVariableDeclaration(N node);

  /**
   * The handle ({@link #variable}, {@link #localVariable}) of the variable a declaration declares: a
   * local, a parameter or a field.
   */
  Object declaredVariable(N declaration);

  /** Whether the declared type of a variable declaration is {@code type} or a subtype of it. */
  boolean declaredTypeIsSubtype(N declaration, String type);

  /**
   * The statement that holds a local's declaration: the declaration itself in javac, the
   * expression statement two levels up in JavaParser; null when it is not a statement of a block's
   * kind (a {@code for} initializer…).
   */
  SyntaxPath<N> statementOfDeclaration(SyntaxPath<N> declaration);

  /**
   * The name of a {@link Kind#METHOD}, of an {@link Kind#IDENTIFIER}, of the member a {@link Kind#FIELD_ACCESS} selects, or of
   * the method a {@link Kind#METHOD_CALL} calls or a {@link Kind#METHOD_REFERENCE} names; the simple name of a named {@link Kind#CLASS} or
   * of the variable a declaration declares. (A path never holds the {@code a.m} of a call
   * {@code a.m(…)} as a node of its own: the call's parent is what holds the call.)
   */
  String name(N node);

  /** What a {@link Kind#FIELD_ACCESS} selects from ({@code a} in {@code a.b}). */
  N selected(N fieldAccess);

  /** The receiver of a {@link Kind#METHOD_CALL} as written, or null for an unqualified call. */
  N receiver(N call);

  /** The arguments of a {@link Kind#METHOD_CALL} or a {@link Kind#NEW}. */
  List<N> arguments(N call);

  /**
   * A {@link Kind#LITERAL} spelled as a key: {@code null}, a string in quotes with its value
   * unescaped, the value of an {@code int}, {@code long} or {@code boolean} literal; null for other
   * literals (chars, floating point, text blocks' forms aside).
   */
  String literalKey(N literal);

  /** The literal {@code null}, with any parentheses around it. */
  boolean isNullLiteral(N expression);

  /** The condition of an {@link Kind#IF}, a {@link Kind#CONDITIONAL} or an {@link Kind#ASSERT}. */
  N condition(N test);

  /** The then part of an {@link Kind#IF} or {@link Kind#CONDITIONAL}. */
  N thenPart(N test);

  /** The else part of an {@link Kind#IF} (or null) or of a {@link Kind#CONDITIONAL}. */
  N elsePart(N test);

  /** The block a {@link Kind#TRY} tries. */
  N tryBlock(N tryStatement);

  /** The blocks of a {@link Kind#TRY}'s catch clauses, in order. */
  List<N> catchBlocks(N tryStatement);

  /** The value a {@link Kind#RETURN} returns, or null. */
  N returnedValue(N returnStatement);

  /** The expression of an {@link Kind#EXPRESSION_STATEMENT}. */
  N statementExpression(N statement);

  /**
   * The local declarations ({@link #localDeclaredBy}) a statement of a block makes: the statement
   * itself in javac, its declarators in JavaParser; empty for any other statement.
   */
  List<N> declarators(N statement);

  List<N> statements(N block);

  /** What a {@link Kind#FOR_EACH} walks ({@code xs} in {@code for (T x : xs)}). */
  N iterable(N forEach);

  /** The name of a {@link Kind#FOR_EACH}'s variable. */
  String loopVariable(N forEach);

  /** The body of a {@link Kind#FOR_EACH}, {@link Kind#WHILE} or {@link Kind#FOR}. */
  N loopBody(N loop);

  /** The condition of a {@link Kind#WHILE} or {@link Kind#FOR}, or null ({@code for (;;)}). */
  N loopCondition(N loop);

  /** The body of a {@link Kind#LAMBDA}: an expression or a block. */
  N lambdaBody(N lambda);

  /**
   * The qualified (erased) type a {@link Kind#METHOD_REFERENCE} creates when it is a constructor
   * reference ({@code ArrayList::new}), else null.
   */
  String constructorReferenceType(N methodReference);

  /**
   * What an expression (parentheses and casts skipped) is, as a value descriptor of the knowledge
   * tables: {@code new:<qualified type>} for an object creation, {@code call:<Owner>.<method>} for a
   * static method's result, else {@code type:<qualified type>}; null when its type is unknown.
   */
  String valueDescriptor(N expression);

  /** The parameter names of a {@link Kind#LAMBDA}, in order. */
  default List<String> lambdaParameters(N lambda) {
    List<String> names = new ArrayList<>();
    for (N parameter : parameters(lambda)) {
      names.add(name(parameter));
    }
    return names;
  }

  /** The parameter declarations of a {@link Kind#METHOD} or {@link Kind#LAMBDA} ({@link #declaredVariable} answers for them). */
  List<N> parameters(N methodOrLambda);

  /**
   * The qualified names of the annotations on a method or parameter declaration and on its (return)
   * type, as far as the front end resolves them.
   */
  List<String> annotationNames(N declaration);

  /**
   * The {@link Kind#METHOD} of this file a {@link Kind#METHOD_CALL} calls or a {@link
   * Kind#METHOD_REFERENCE} names (mapvet: the first of its name where overloads differ), or null
   * when not known here.
   */
  N calledMethod(N call);

  /**
   * The method a {@link Kind#METHOD_CALL} or the constructor a {@link Kind#NEW} calls, as a handle
   * {@link Callees} answers about (equal handles for the same callee); null when the front end
   * cannot resolve it at all.
   */
  Object callee(N call);

  /** The simple name of the type a {@link Kind#NEW} creates, as written ({@code Foo} for {@code new a.Foo<>()}). */
  String createdTypeName(N creation);

  /**
   * When {@code holder} is a variable declaration initialised with exactly {@code value}, or an
   * assignment of exactly {@code value} to a variable: the engine's name of that variable ({@link
   * #fieldName}'s for a field, the simple name of a local); else null.
   */
  String variableInitializedBy(N holder, N value);

  /** Whether the expression's type is a {@code java.util.Map}. */
  boolean isMap(N expression);

  /**
   * The qualified (erased) names of an expression's type and its supertypes, the type first (for a
   * {@link Kind#NEW}: the created type's); null when the type is not known.
   */
  List<String> typeAndSupertypes(N expression);

  /** {@code Owner.method} (qualified owner) when a {@link Kind#METHOD_CALL} calls a static method, else null. */
  String staticCallTarget(N call);

  /**
   * Whether the expression's type (or a {@link Kind#CLASS}'s own) is known and is {@code type} (a
   * qualified name) or a subtype of it.
   */
  boolean isSubtype(N expression, String type);

  /** Whether the method a {@link Kind#METHOD_CALL} calls returns {@code boolean} (as far as the front end knows). */
  boolean returnsBoolean(N call);

  /**
   * The engine's name of the object a {@link Kind#THIS} or {@link Kind#QUALIFIED_THIS} denotes:
   * {@code this} for the class being analysed, {@code Outer.this} (by simple name) for another,
   * {@code anonymous@<id>.this} for an anonymous class. Also asked of a named {@link Kind#CLASS}:
   * the name of its {@code this}.
   */
  String thisName(N self);

  /** The simple name of the type a {@link Kind#CLASS_LITERAL} names. */
  String classLiteralName(N classLiteral);

  /**
   * The engine's name of the field an {@link Kind#IDENTIFIER} or {@link Kind#FIELD_ACCESS} names:
   * {@code cache} for a field of the class being analysed, {@code State.cache} for another's; null
   * when it names no field.
   */
  String fieldName(N expression);

  /**
   * The qualified name of the class that declares the field an {@link Kind#IDENTIFIER} or {@link
   * Kind#FIELD_ACCESS} names ({@code shop.Shelf} for an inherited {@code onHand}); null when it
   * names no field, or one whose class the front end cannot tell.
   */
  String fieldOwner(N expression);

  /** Whether an {@link Kind#IDENTIFIER} or {@link Kind#FIELD_ACCESS} names a {@code static} field. */
  boolean isStaticField(N expression);

  /**
   * The initializer of the {@code static final} field of another class an {@link Kind#IDENTIFIER}
   * or {@link Kind#FIELD_ACCESS} names ({@code Events.LOOP}), when the front end reads that class
   * (javac: compiled in the same run; mapvet: declared in this file); null otherwise.
   */
  N otherClassConstantInitializer(N expression);

  /** The expression as text, the front end's own printing of it (for messages and comparisons). */
  String text(N expression);

  /**
   * The local variable or parameter an expression names (parentheses skipped), as a handle that is
   * the same object for every use of that variable (compared with {@code ==}); null for fields and
   * anything else.
   */
  Object localVariable(N expression);

  /**
   * Whether an {@link Kind#IDENTIFIER} or {@link Kind#FIELD_ACCESS} names a variable: a local, a
   * parameter or a field.
   */
  boolean namesVariable(N expression);

  /**
   * The variable (local, parameter or field) an {@link Kind#IDENTIFIER} or {@link Kind#FIELD_ACCESS}
   * names, as a handle that is the same object for every use and for its declaration
   * ({@link #declaredVariable}); null when it names none.
   */
  Object variable(N expression);

  /**
   * Visits {@code root} and every expression and statement inside it, each before its children, in
   * source order; the children of a node only when {@code enter} returns true for it. A front end
   * may leave out nodes that can hold neither (names, types, modifiers, annotations) and may visit
   * other nodes too.
   */
  void forEachNode(N root, Predicate<N> enter);

  /**
   * Visits {@code root} and every node inside it that is of one of {@code kinds}, or a variable
   * declaration ({@link #isVariableDeclaration}) when {@code declarations}, in source order. The
   * passes over a whole class want a handful of kinds: a front end with a visitor of its own
   * dispatches only those instead of answering the kind of every node.
   */
  default void forEachNodeOf(N root, Set<Kind> kinds, boolean declarations, Consumer<N> action) {
    forEachNode(
        root,
        node -> {
          if (kinds.contains(kind(node)) || declarations && isVariableDeclaration(node)) {
            action.accept(node);
          }
          return true;
        });
  }

  /**
   * Whether the type of {@code expression} is known: the cheap form of {@code
   * typeAndSupertypes(expression) != null}.
   */
  default boolean typeKnown(N expression) {
    return typeAndSupertypes(expression) != null;
  }

  /** The expression inside any parentheses and casts around {@code expression}. */
  default N skipParensAndCasts(N expression) {
    N e = skipParens(expression);
    while (kind(e) == Kind.CAST) {
      e = skipParens(castOperand(e));
    }
    return e;
  }

  /**
   * The name of the one local variable a statement declares with an initializer
   * ({@code T x = init;}), or null.
   */
  String declaredName(N statement);

  /** The initializer of the local variable {@link #declaredName} names. */
  N declaredInitializer(N statement);

  /** The path from the class's compilation unit down to one of its nodes. */
  SyntaxPath<N> pathTo(N node);

  /**
   * Whether a {@link Kind#METHOD}, {@link Kind#CLASS} or variable declaration has the modifier:
   * as written for methods and classes; for variables also implied (a field of an interface is
   * static and final).
   */
  boolean hasModifier(N declaration, Modifier modifier);

  /** The annotations written on a {@link Kind#METHOD}, {@link Kind#CLASS} or variable declaration. */
  List<Annotation> annotations(N declaration);

  /** The block body of a {@link Kind#METHOD}, or null when it has none. */
  N methodBody(N method);

  /** Whether a {@link Kind#METHOD} is a constructor. */
  boolean isConstructor(N method);

  /** The types of a {@link Kind#METHOD}'s parameters as written ({@code Map<String, V>}, {@code int}). */
  List<String> parameterTypesAsWritten(N method);

  /** How reports name a {@link Kind#METHOD}: {@code get(String)}, erased simple parameter type names. */
  String methodDisplayName(N method);

  /**
   * Whether only this file can call the methods of a named {@link Kind#CLASS}: it is private or
   * nested in a private class (javac: up to the first enclosing method; mapvet: all the way out).
   */
  boolean onlyThisFileSees(N type);

  /**
   * Whether resolving types is cheap here (javac: attributed trees), so the extraction may ask for
   * every local's type; mapvet resolves through its symbol solver and asks only where a rule needs it.
   */
  boolean resolvesTypesCheaply();

  /**
   * Whether a variable declaration (or a {@link Kind#METHOD}'s parameter) is declared with a map
   * type, as far as the front end can tell.
   */
  boolean declaresMap(N declaration);

  /**
   * Whether a variable declaration is a field of a named class the extraction tracks (javac: a
   * class that is not anonymous; mapvet: one not inside an anonymous class either).
   */
  boolean isFieldOfNamedClass(N declaration);

  /** Whether a {@link Kind#NEW} has a class body (creates an anonymous class). */
  boolean hasClassBody(N creation);

  /**
   * Whether a one-argument {@link Kind#NEW} passes an {@code int} (javac: the constructor called
   * takes one; mapvet: the argument is not declared here with another type).
   */
  boolean sizedByInt(N creation);

  /**
   * The engine's name of the variable a declaration declares: {@link #fieldName}'s for a field, the
   * simple name of a local or parameter.
   */
  String variableName(N declaration);

  /**
   * The qualified names of a variable declaration's declared type and its supertypes, the type
   * first (mapvet adds {@code java.util.Map} to a known map type whose hierarchy it cannot read).
   */
  List<String> declaredTypeChain(N declaration);

  /**
   * The simple name of a variable declaration's declared class as written, without its type
   * arguments or qualifier ({@code Registry} for {@code static Registry registry}, {@code Map} for
   * {@code java.util.Map<K, V>}); null for a primitive or array type, or {@code var}. Nothing is
   * resolved: a cheap first look before a type question.
   */
  String declaredTypeAsWritten(N declaration);

  /** The erased value type {@code V} of a variable declared as a {@code Map<K, V>}, or null. */
  String mapValueType(N declaration);

  /** The annotations written on a variable declaration's type ({@code @GuardedBy("l") Map<…>}). */
  List<Annotation> typeAnnotations(N declaration);

  /** The named {@link Kind#CLASS} that declares a field (its superclass's for an inherited one), or null. */
  N declaringClass(N fieldDeclaration);

  /**
   * The engine's name ({@link #fieldName}) of the field {@code name} of a {@link Kind#CLASS} or of a
   * class it is nested in (javac: up to the first enclosing method), or null.
   */
  String fieldNameIn(N type, String name);

  /** The declaration of a {@link Kind#FOR_EACH}'s loop variable. */
  N loopVariableDeclaration(N forEach);

  /**
   * The arguments of the {@code super(…)} call a constructor ({@link Kind#METHOD}) makes, or null
   * when it calls none explicitly.
   */
  List<N> superConstructorArguments(N constructor);

  /** The {@link Kind#METHOD}s with a body of the class body of a {@link Kind#NEW}, in order. */
  List<N> classBodyMethods(N creation);

  /**
   * The flat name of a named {@link Kind#CLASS} as javac spells it ({@code pkg.Outer$Inner}); null
   * for an anonymous class.
   */
  String flatName(N type);

  /** The line of a node, for the report. */
  int line(N node);

  /**
   * The qualified name of a named {@link Kind#CLASS} ({@code pkg.Outer.Inner}) and the qualified
   * names of its supertypes, the class first; an empty list for an anonymous or local class.
   */
  List<String> classTypes(N type);

  /**
   * Whether a {@link Kind#METHOD} overrides a method of a supertype, and whose: javac from the
   * symbols, mapvet from the supertypes' declarations it can read (a supertype it cannot read
   * counts as a library's).
   */
  Overriding overriding(N method);

  /** The lock expression of a {@link Kind#SYNCHRONIZED} statement, parentheses left out. */
  N synchronizedLock(N statement);

  /**
   * The position that orders nodes of one file (a source offset, or a line-and-column number): the
   * front end's own scale, also used for {@code Access.order} and condition ids.
   */
  int order(N node);
}
