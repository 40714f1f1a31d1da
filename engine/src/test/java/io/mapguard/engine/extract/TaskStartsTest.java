package io.mapguard.engine.extract;

import static io.mapguard.engine.extract.CallShapesTest.call;
import static io.mapguard.engine.extract.CallShapesTest.id;
import static io.mapguard.engine.extract.CallShapesTest.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.extract.CallShapesTest.Node;
import io.mapguard.engine.extract.CallShapesTest.TreePort;
import io.mapguard.engine.extract.SyntaxPort.Kind;
import io.mapguard.engine.knowledge.ImmediateCallbacks;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.FunctionalContext;
import io.mapguard.engine.model.ThreadRoot;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a function runs, on trees written by hand (see CallShapesTest). */
class TaskStartsTest {
  private final TreePort port = new TreePort();
  private final Map<Node, Node> startedLater = new IdentityHashMap<>();
  private final Map<Object, ThreadStartApis.ExecutorThreads> executorThreads = new java.util.HashMap<>();
  private final TaskStarts<Node> starts =
      new TaskStarts<>(
          port,
          new KnownApis(CallShapesTest.CALLEES, ImmediateCallbacks.defaults(), ThreadStartApis.defaults()),
          startedLater,
          executorThreads,
          new IdentityHashMap<>(),
          () -> 7);

  private static Node lambda() {
    return new Node(Kind.LAMBDA, "", new Node(Kind.BLOCK, null));
  }

  private FunctionalContext contextOf(Node root, Node function) {
    port.root = root;
    return starts.functionalContext(CallShapesTest.pathTo(root, function));
  }

  private static Node method(Node... statements) {
    return new Node(Kind.METHOD, "m", new Node(Kind.BLOCK, null, statements));
  }

  @Test
  void aFunctionSubmittedToAnExecutorIsATaskOfThatStart() {
    Node task = lambda();
    Node submit = call(id("pool"), "submit", task);
    FunctionalContext context = contextOf(method(stmt(submit)), task);

    assertEquals(FunctionalContext.Kind.TASK, context.kind());
    ThreadRoot root = context.task();
    assertEquals("the task submitted", root.description());
    assertEquals(submit.id, root.line());
    assertEquals(7, root.startUnit());
    assertFalse(root.repeated());
  }

  @Test
  void aStartInsideALoopStartsManyAndEachStartHasOneRoot() {
    Node task = lambda();
    Node submit = call(id("pool"), "submit", task);
    Node loop = new Node(Kind.WHILE, null, id("running"), new Node(Kind.BLOCK, null, stmt(submit)));
    Node root = method(loop);
    ThreadRoot first = contextOf(root, task).task();

    assertTrue(first.repeated());
    assertSame(first, contextOf(root, task).task());
  }

  @Test
  void anImmediateCallbackRunsInlineAndAParallelStreamsCallbackIsARepeatedTask() {
    Node inline = lambda();
    assertEquals(FunctionalContext.Kind.INLINE, contextOf(method(stmt(call(id("xs"), "forEach", inline))), inline).kind());

    Node parallel = lambda();
    Node forEach = call(call(id("xs"), "parallelStream"), "forEach", parallel);
    FunctionalContext context = contextOf(method(stmt(forEach)), parallel);
    assertEquals(FunctionalContext.Kind.TASK, context.kind());
    assertEquals("the parallel stream callback", context.task().description());
    assertTrue(context.task().repeated());
  }

  @Test
  void aFunctionKeptInALocalRunsWhereCalledUnlessItIsStartedLater() {
    Node kept = lambda();
    Node declaration = new Node(Kind.OTHER_STATEMENT, "local:r", kept);
    assertEquals(FunctionalContext.Kind.INLINE, contextOf(method(declaration), kept).kind());

    Node started = lambda();
    Node later = new Node(Kind.OTHER_STATEMENT, "local:r", started);
    Node submit = call(id("pool"), "submit", id("r"));
    startedLater.put(started, submit);
    FunctionalContext context = contextOf(method(later, stmt(submit)), started);
    assertEquals(FunctionalContext.Kind.TASK, context.kind());
    assertEquals(submit.id, context.task().line());
  }

  @Test
  void aFunctionReturnedOrAssignedRunsLater() {
    Node returned = lambda();
    assertEquals(
        FunctionalContext.Kind.DEFERRED,
        contextOf(method(new Node(Kind.RETURN, null, returned)), returned).kind());
    Node assigned = lambda();
    assertEquals(
        FunctionalContext.Kind.DEFERRED,
        contextOf(method(stmt(new Node(Kind.ASSIGN, null, id("handler"), assigned))), assigned).kind());
  }
}
