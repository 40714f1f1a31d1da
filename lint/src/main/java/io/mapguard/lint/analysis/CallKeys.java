package io.mapguard.lint.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.mapguard.engine.knowledge.TaskClasses;
import io.mapguard.lint.source.JavaLexicalScanner;
import io.mapguard.lint.symbols.AstNodes;
import io.mapguard.lint.symbols.CallText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link LintProjectCalls} indexes a file by, so that a project-wide question parses only the
 * files that may answer it: the names the file calls or references, and its calls with an argument
 * written {@code null} (as {@code name/arity/position}). A key only makes a file be parsed, so keys
 * may be too many, never too few, for the calls {@link
 * io.mapguard.lint.frontend.LintProjectCallReader#callsIn} finds in the file's tree.
 *
 * <p>Two ways to the same keys: from a tree the scan has parsed anyway ({@link #of}: a walk, no
 * text), and from the text of a file the scan did not parse ({@link #ofText}: comments and literals
 * blanked, then two passes over the characters).
 *
 * @param fieldTypes the simple names of the classes the file's fields are declared with ({@code
 *     InventoryService} for {@code private final InventoryService inventory}): a call made through a
 *     field of the caller's class reaches a method of one of them; null when not known (from text)
 * @param taskFieldCalls the names of the methods the file calls in task code (a lambda, a {@code
 *     run()} or {@code call()}, or a method such code calls or a method reference names) on a receiver
 *     that may be one of its fields ({@code this.f}, or a name its fields have); null when not known
 *     (from text)
 * @param inheritedTaskFieldCalls the names of the methods the file calls in task code on a receiver
 *     that may be a field a class of the file inherits from another file's class ({@code
 *     ledger.post(…)} with {@code ledger} no field of the file, nor a local or parameter in scope):
 *     its type is in that other file, so the call is kept whatever the method's class; empty when
 *     not known (from text)
 * @param taskFieldNames the names the file uses in task code ({@code x}, {@code this.x}) that may
 *     name a field one of its classes inherits from another top-level class: in a file of several,
 *     those that fields of the file have; in a file with a class that extends another file's, those
 *     that no field of the file has. Empty otherwise, and from text (a scan asks only about its own
 *     files' fields)
 * @param receivers the types of its calls' receivers and its classes, when the scan parsed it
 *     (gathered in the same walk, {@link #of(CompilationUnit, java.util.function.Predicate,
 *     ReceiverKeys.Collector)}); null when not known (from text, or a tree without its scopes)
 */
public record CallKeys(
    Set<String> calledNames,
    Set<String> nullArgumentCalls,
    Set<String> fieldTypes,
    Set<String> taskFieldCalls,
    Set<String> inheritedTaskFieldCalls,
    Set<String> taskFieldNames,
    ReceiverKeys receivers) {
  public CallKeys {
    calledNames = Set.copyOf(calledNames);
    nullArgumentCalls = Set.copyOf(nullArgumentCalls);
    fieldTypes = fieldTypes == null ? null : Set.copyOf(fieldTypes);
    taskFieldCalls = taskFieldCalls == null ? null : Set.copyOf(taskFieldCalls);
    inheritedTaskFieldCalls = Set.copyOf(inheritedTaskFieldCalls);
    taskFieldNames = Set.copyOf(taskFieldNames);
  }

  /** Keys that say nothing of fields or receivers (see {@link #ofText}). */
  public CallKeys(Set<String> calledNames, Set<String> nullArgumentCalls) {
    this(calledNames, nullArgumentCalls, null, null, Set.of(), Set.of(), null);
  }

  /**
   * Whether the file may call {@code name} with {@code arity} arguments on a receiver {@code
   * possibleReceivers} accepts (null: any), or references a method of the name; without its {@link
   * #receivers}, whether it calls or references the name.
   */
  public boolean mayCall(String name, int arity, java.util.function.Predicate<String> possibleReceivers) {
    if (receivers == null || possibleReceivers == null) {
      return calledNames.contains(name);
    }
    return receivers.mayCall(name, arity, possibleReceivers);
  }

  /**
   * Whether the file may call {@code name} in task code through a field of one of {@code
   * simpleNames} (unknown counts as may: then it must name a task start, {@code taskCodeNames}).
   */
  public boolean mayCallThroughFieldInTask(String name, Set<String> simpleNames, Set<String> taskCodeNames) {
    if (fieldTypes == null || taskFieldCalls == null) {
      return taskCodeNames.stream().anyMatch(calledNames::contains);
    }
    return taskFieldCalls.contains(name) && simpleNames.stream().anyMatch(fieldTypes::contains)
        || inheritedTaskFieldCalls.contains(name);
  }

  /**
   * The keys of a parsed file: the names of its method calls and method references, and its calls
   * with a {@code null} literal argument (exactly the calls {@code callsIn} looks at); its fields'
   * types, and the names it calls in task code on its fields' names.
   */
  public static CallKeys of(CompilationUnit unit) {
    return of(unit, name -> false);
  }

  /**
   * {@link #of(CompilationUnit)}, where {@code local} says whether a name in the file's code is a
   * local or parameter in scope there (a call on it in task code, {@code r.print()} with {@code
   * Receipt r = new Receipt()} in the lambda, is no call through an inherited field).
   */
  public static CallKeys of(CompilationUnit unit, java.util.function.Predicate<NameExpr> local) {
    return of(unit, local, null);
  }

  /**
   * {@link #of(CompilationUnit, java.util.function.Predicate)}, with the file's {@link #receivers}
   * gathered by {@code receivers} in the same walk (none when null).
   */
  public static CallKeys of(
      CompilationUnit unit, java.util.function.Predicate<NameExpr> local, ReceiverKeys.Collector receivers) {
    Set<String> names = new HashSet<>();
    Set<String> nullArguments = new HashSet<>();
    Set<String> fieldTypes = new HashSet<>();
    Set<String> fieldNames = new HashSet<>();
    Set<String> taskFieldCalls = new HashSet<>();
    // calls on this.f or on a name, kept until the fields are all known: only those on a field's
    // name are then asked whether they are in task code (a walk up the tree each)
    List<MethodCallExpr> callsOnNames = new ArrayList<>();
    // calls of the class's own methods, and the names its method references name: which of its
    // methods a task may run
    List<MethodCallExpr> callsOnThis = new ArrayList<>();
    Set<String> referencedNames = new HashSet<>();
    // the names the code uses (a name, this.f): which of them task code uses is asked after the walk
    List<Expression> namesUsed = new ArrayList<>();
    // a lambda, a method reference or a task class's method: without one no code of the file is a
    // task's, and nothing need be asked of where a call is
    boolean[] taskCodeSeen = {false};
    AstNodes.forEachInOrder(
        unit,
        node -> {
          if (receivers != null) {
            receivers.visit(node);
          }
          if (node instanceof NameExpr
              || node instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            namesUsed.add((Expression) node);
          } else if (node instanceof FieldDeclaration field) {
            for (VariableDeclarator variable : field.getVariables()) {
              fieldNames.add(variable.getNameAsString());
              if (variable.getType() instanceof ClassOrInterfaceType type) {
                fieldTypes.add(type.getNameAsString());
              }
            }
          } else if (node instanceof MethodCallExpr call) {
            String name = call.getNameAsString();
            names.add(name);
            Expression scope = call.getScope().orElse(null);
            if (scope instanceof NameExpr
                || scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
              callsOnNames.add(call);
            } else if (scope == null || scope instanceof ThisExpr) {
              callsOnThis.add(call);
            }
            List<Expression> arguments = call.getArguments();
            for (int i = 0; i < arguments.size(); i++) {
              if (arguments.get(i) instanceof NullLiteralExpr) {
                nullArguments.add(nullArgumentKey(name, arguments.size(), i));
              }
            }
          } else if (node instanceof MethodReferenceExpr reference) {
            names.add(reference.getIdentifier());
            referencedNames.add(reference.getIdentifier());
            taskCodeSeen[0] = true;
          } else if (node instanceof LambdaExpr
              || node instanceof MethodDeclaration method
                  && TaskClasses.TASK_METHOD_NAMES.contains(method.getNameAsString())) {
            taskCodeSeen[0] = true;
          }
        });
    TaskCode taskCode = new TaskCode(callsOnThis, referencedNames, taskCodeSeen[0]);
    // a receiver that is not a field of the file may be one a class of it inherits from another
    // file's class, unless it is a local or parameter in scope at the call (one of that name
    // elsewhere in the file says nothing: InvoiceJob(LedgerService ledger) { super(ledger); });
    // the scope is asked last, of calls in task code only
    boolean inheritsFromAnotherFile = taskCode.any && AstNodes.extendsAnotherFilesClass(unit);
    Set<String> inheritedTaskFieldCalls = new HashSet<>();
    for (MethodCallExpr call : callsOnNames) {
      Expression scope = call.getScope().orElseThrow();
      String receiver =
          scope instanceof NameExpr name ? name.getNameAsString() : ((FieldAccessExpr) scope).getNameAsString();
      if (fieldNames.contains(receiver) && taskCode.contains(call)) {
        taskFieldCalls.add(call.getNameAsString());
      } else if (inheritsFromAnotherFile
          && !fieldNames.contains(receiver)
          && taskCode.contains(call)
          && !(scope instanceof NameExpr name && local.test(name))) {
        inheritedTaskFieldCalls.add(call.getNameAsString());
      }
    }
    return new CallKeys(
        names, nullArguments, fieldTypes, taskFieldCalls, inheritedTaskFieldCalls,
        taskFieldNames(unit, namesUsed, fieldNames, taskCode, inheritsFromAnotherFile, local),
        receivers == null ? null : receivers.keys());
  }

  /** Which code of a file a task may run: see {@link #placeOf} and {@link #methodsTasksRun}. */
  private static final class TaskCode {
    private final List<MethodCallExpr> callsOnThis;
    private final Set<String> referencedNames;
    private final boolean any;
    /** Found when first needed: most files need none. */
    private Set<String> methodsTasksRun;

    /**
     * @param callsOnThis the file's calls on its own object
     * @param referencedNames the names its method references name
     * @param any whether the file has task code at all (a lambda, a method reference, a task class's
     *     method)
     */
    TaskCode(List<MethodCallExpr> callsOnThis, Set<String> referencedNames, boolean any) {
      this.callsOnThis = callsOnThis;
      this.referencedNames = referencedNames;
      this.any = any;
    }

    boolean contains(Node node) {
      if (!any) {
        return false;
      }
      Place place = placeOf(node);
      if (place.kind() == CodeKind.METHOD && methodsTasksRun == null) {
        methodsTasksRun = methodsTasksRun(callsOnThis, referencedNames);
      }
      return place.kind() == CodeKind.TASK
          || place.kind() == CodeKind.METHOD && methodsTasksRun.contains(place.method());
    }
  }

  /**
   * {@link #taskFieldNames} of a parsed file whose fields are named {@code fieldNames} and whose code
   * uses {@code namesUsed} (its names and {@code this.f} accesses, in the order of the walk): the names of
   * those fields, in a file of several top-level classes (one may inherit another's); every other
   * name that is not a local or parameter where it is used ({@code local}), in a file with a class
   * that extends a class of another file (which may declare it: a local or parameter of the name
   * elsewhere in the file does not say it is not the field here).
   */
  private static Set<String> taskFieldNames(
      CompilationUnit unit,
      List<Expression> namesUsed,
      Set<String> fieldNames,
      TaskCode taskCode,
      boolean inheritsFromAnotherFile,
      java.util.function.Predicate<NameExpr> local) {
    if (!taskCode.any) {
      return Set.of(); // no code of the file is a task's
    }
    boolean severalClasses = unit.getTypes().size() >= 2;
    if (!severalClasses && !inheritsFromAnotherFile) {
      return Set.of();
    }
    Set<String> used = new HashSet<>();
    for (Expression node : namesUsed) {
      String name = node instanceof NameExpr n ? n.getNameAsString() : ((FieldAccessExpr) node).getNameAsString();
      boolean field = fieldNames.contains(name);
      // the scope is asked last: of a name not yet found, in task code (every name of the file else)
      if ((field ? severalClasses : inheritsFromAnotherFile)
          && !used.contains(name)
          && taskCode.contains(node)
          && (field || !(node instanceof NameExpr n && local.test(n)))) {
        used.add(name);
      }
    }
    return used;
  }

  /** Where a call is written, as far as a task may run it. */
  private enum CodeKind {
    /** In a lambda, or in a method a task class or an anonymous one runs. */
    TASK,
    /** In another method: a task of its class may call it, or be a reference to it. */
    METHOD,
    OTHER
  }

  /** The kind of code a call is written in, and the method's name for {@link CodeKind#METHOD}. */
  private record Place(CodeKind kind, String method) {}

  /**
   * Where code runs as far as a task may run it: inside a lambda, or in a method a task class or an
   * anonymous one runs ({@code run()}, {@code call()}, {@code compute()}…), is task code; inline
   * callbacks count too: a key may be too wide, never too narrow.
   */
  private static Place placeOf(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof LambdaExpr) {
        return new Place(CodeKind.TASK, null);
      }
      if (n instanceof MethodDeclaration method) {
        if (TaskClasses.TASK_METHOD_NAMES.contains(method.getNameAsString())) {
          return new Place(CodeKind.TASK, null);
        }
        return new Place(CodeKind.METHOD, method.getNameAsString());
      }
      if (n instanceof BodyDeclaration) {
        return new Place(CodeKind.OTHER, null); // a constructor, an initializer, a field's value
      }
    }
    return new Place(CodeKind.OTHER, null);
  }

  /**
   * The names of the methods task code may run: named by a method reference (which may be handed
   * to an executor), called on the class's own object in task code, or in such a method (the
   * analysis follows a method's calls in its file; by name here, which only widens the set).
   */
  private static Set<String> methodsTasksRun(List<MethodCallExpr> callsOnThis, Set<String> referencedNames) {
    Set<String> run = new HashSet<>(referencedNames);
    Map<String, Set<String>> calledByMethod = new HashMap<>();
    for (MethodCallExpr call : callsOnThis) {
      Place place = placeOf(call);
      if (place.kind() == CodeKind.TASK) {
        run.add(call.getNameAsString());
      } else if (place.kind() == CodeKind.METHOD) {
        calledByMethod.computeIfAbsent(place.method(), m -> new HashSet<>()).add(call.getNameAsString());
      }
    }
    ArrayDeque<String> toFollow = new ArrayDeque<>(run);
    while (!toFollow.isEmpty()) {
      for (String called : calledByMethod.getOrDefault(toFollow.pop(), Set.of())) {
        if (run.add(called)) {
          toFollow.push(called);
        }
      }
    }
    return run;
  }

  /** The keys of a file's text (not parsed: a name followed by {@code (} may be a call). */
  public static CallKeys ofText(String text) {
    String code = JavaLexicalScanner.codeOnly(text);
    return new CallKeys(calledNames(code), callsWithNullArguments(code));
  }

  /** The key of the calls of {@code name} with {@code arity} arguments whose argument at {@code index} is null. */
  static String nullArgumentKey(String name, int arity, int index) {
    return name + "/" + arity + "/" + index;
  }

  /**
   * Every identifier followed by {@code (} in the code, and every one after {@code ::}: the names of
   * the methods it may call or reference (and of the methods, constructors and keywords it declares
   * or uses so, which only widens the set).
   */
  static Set<String> calledNames(String text) {
    Set<String> names = new HashSet<>();
    int length = text.length();
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) == ':' && i + 1 < length && text.charAt(i + 1) == ':') {
        int start = i + 2;
        while (start < length && Character.isWhitespace(text.charAt(start))) {
          start++;
        }
        int end = start;
        while (end < length && Character.isJavaIdentifierPart(text.charAt(end))) {
          end++;
        }
        if (end > start) {
          names.add(text.substring(start, end));
        }
        continue;
      }
      String called = text.charAt(i) == '(' ? CallText.nameBefore(text, i) : null;
      if (called != null) {
        names.add(called);
      }
    }
    return names;
  }

  /**
   * The calls of the code (comments and literals blanked) with an argument written {@code null}, as
   * {@code name/arity/position}: a name before {@code (}, the arguments split at the commas outside
   * brackets, in one pass. Code a parser would read otherwise can only add entries, and an entry
   * only makes a file be parsed.
   */
  static Set<String> callsWithNullArguments(String code) {
    Set<String> calls = new HashSet<>();
    if (!code.contains("null")) {
      return calls;
    }
    // per open bracket: the position of its '(' (-1 for '[' and '{'), where its current argument
    // starts, how many arguments it has had, which of them are null (a bit each)
    ArrayDeque<int[]> open = new ArrayDeque<>();
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        open.push(new int[] {c == '(' ? i : -1, i + 1, 0, 0});
      } else if ((c == ',' || c == ')' || c == ']' || c == '}') && !open.isEmpty()) {
        int[] frame = open.peek();
        boolean call = frame[0] >= 0;
        if (call && (c == ',' || c == ')')) {
          if (frame[2] < 31 && code.substring(frame[1], i).strip().equals("null")) {
            frame[3] |= 1 << frame[2];
          }
          frame[2]++;
          frame[1] = i + 1;
        }
        if (c != ',') {
          open.pop();
          if (call && frame[3] != 0) {
            String name = CallText.nameBefore(code, frame[0]);
            for (int arg = 0; name != null && arg < frame[2]; arg++) {
              if ((frame[3] & (1 << arg)) != 0) {
                calls.add(nullArgumentKey(name, frame[2], arg));
              }
            }
          }
        }
      }
    }
    return calls;
  }
}
