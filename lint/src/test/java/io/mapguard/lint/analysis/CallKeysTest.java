package io.mapguard.lint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import io.mapguard.lint.source.JavaLexicalScanner;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The keys that choose which files a project-wide question parses: from code-only text, and from a
 * parsed tree, which must never have a key the text lacks nor miss a call the question looks at.
 */
class CallKeysTest {
  @Test
  void namesCalledOrReferenced() {
    Set<String> names = CallKeys.calledNames("a.rows (); b.put(k, v); Runnable r = this :: sweep;");
    assertTrue(names.containsAll(Set.of("rows", "put", "sweep")), names.toString());
  }

  @Test
  void callsWithANullArgumentByNameArityAndPosition() {
    assertEquals(
        Set.of("register/2/1", "of/1/0"),
        CallKeys.callsWithNullArguments(
            JavaLexicalScanner.codeOnly(
                "registry.register(\"a, (b\", null); x = nullable(y); Optional.of(null); f(g(1, 2), h[0]); // m(null)")));
  }

  @Test
  void nestedCallsAndBracketsDoNotSplitTheArguments() {
    assertEquals(
        Set.of("put/3/2"),
        CallKeys.callsWithNullArguments("m.put(f(a, b), new int[] {1, 2}, null);"));
  }

  private static final String SOURCE =
      """
      package p;
      import java.util.function.Supplier;
      class Caller {
        // registry.register(ignored, null) in a comment
        void run(Registry registry, Cache cache) {
          registry.register("a, (b", null);
          cache.put(key(1, 2), null, new int[] {1, null == cache ? 2 : 3});
          Supplier<Object> s = cache::sweep;
          Runnable r = () -> registry.unregister(null);
          new Thread(this::run).start();
          cache.evict((null));
        }
        int key(int a, int b) { return a + b; }
      }
      """;

  @Test
  void aParsedTreeHasTheKeysOfItsCallsAndReferences() {
    CallKeys keys = CallKeys.of(StaticJavaParser.parse(SOURCE));
    assertEquals(
        Set.of("register", "put", "key", "sweep", "unregister", "run", "start", "evict"), keys.calledNames());
    // the literal null as an argument, not in parentheses (the text reads it so too)
    assertEquals(Set.of("register/2/1", "put/3/1", "unregister/1/0"), keys.nullArgumentCalls());
  }

  @Test
  void theTextHasEveryKeyOfTheTree() {
    CallKeys fromTree = CallKeys.of(StaticJavaParser.parse(SOURCE));
    CallKeys fromText = CallKeys.ofText(SOURCE);
    assertTrue(fromText.calledNames().containsAll(fromTree.calledNames()), fromText.calledNames().toString());
    assertEquals(fromTree.nullArgumentCalls(), fromText.nullArgumentCalls());
  }

  @Test
  void callsThroughFieldsInTaskCodeAreKeyedWithTheFieldsTypes() {
    CallKeys keys =
        CallKeys.of(
            StaticJavaParser.parse(
                """
                class Orders {
                  private final Inventory inventory = new Inventory();
                  private final java.util.concurrent.ExecutorService pool = null;
                  void process(String sku) {
                    pool.submit(() -> inventory.reserve(sku));
                    pool.submit(() -> this.inventory.release(sku));
                    inventory.count(sku);
                    Inventory local = inventory;
                    pool.submit(() -> local.audit(sku));
                  }
                  class Worker implements Runnable {
                    public void run() { inventory.restock(); }
                  }
                }
                """));
    assertEquals(Set.of("Inventory", "ExecutorService"), keys.fieldTypes());
    // count() runs on the caller's thread, audit() on a local
    assertEquals(Set.of("reserve", "release", "restock"), keys.taskFieldCalls());
    assertTrue(keys.mayCallThroughFieldInTask("reserve", Set.of("Inventory"), Set.of()));
    assertTrue(!keys.mayCallThroughFieldInTask("reserve", Set.of("Ledger"), Set.of()));
    assertTrue(!keys.mayCallThroughFieldInTask("count", Set.of("Inventory"), Set.of()));
    // from text nothing is known of fields: a file naming a task start may
    CallKeys text = CallKeys.ofText("class A { void f() { pool.submit(() -> x.count()); } }");
    assertTrue(text.mayCallThroughFieldInTask("count", Set.of("Inventory"), Set.of("submit")));
    assertTrue(!text.mayCallThroughFieldInTask("count", Set.of("Inventory"), Set.of("execute")));
  }

  @Test
  void privateMethodsATaskRunsCountAsTaskCode() {
    CallKeys keys =
        CallKeys.of(
            StaticJavaParser.parse(
                """
                class Replenisher {
                  private final Depot depot = new Depot();
                  private final java.util.concurrent.ExecutorService pool = null;
                  void schedule(String sku) {
                    pool.submit(() -> replenish(sku));
                    audit(sku);
                  }
                  private void replenish(String sku) {
                    depot.restock(sku);
                    this.log(sku);
                  }
                  private void log(String sku) {
                    depot.note(sku);
                  }
                  private void audit(String sku) {
                    depot.count(sku);
                  }
                }
                """));
    // replenish runs in the task, and log through it; audit only on the caller's thread
    assertEquals(Set.of("restock", "note"), keys.taskFieldCalls());
  }

  @Test
  void callsInTaskCodeOnNamesASuperclassOfAnotherFileMayDeclareAreKeyedWhateverTheType() {
    CallKeys keys =
        CallKeys.of(
            StaticJavaParser.parse(
                """
                class InvoiceJob extends BillingJob {
                  private final java.util.concurrent.ExecutorService pool = null;
                  InvoiceJob(LedgerService ledger) {
                    super(ledger);
                  }
                  void invoice(String account) {
                    pool.submit(() -> ledger.post(account));
                    pool.submit(() -> this.journal.note(account));
                    pool.submit(() -> pool.shutdown());
                    ledger.balanceOf(account);
                  }
                }
                """));
    // the superclass's file holds the fields' types; a constructor's parameter named like one does
    // not hide the field the lambda uses
    assertEquals(Set.of("post", "note"), keys.inheritedTaskFieldCalls());
    assertEquals(Set.of("shutdown"), keys.taskFieldCalls());
    assertTrue(keys.mayCallThroughFieldInTask("post", Set.of("LedgerService"), Set.of()));
    assertTrue(!keys.mayCallThroughFieldInTask("balanceOf", Set.of("LedgerService"), Set.of()));
    assertTrue(keys.taskFieldNames().containsAll(Set.of("ledger", "journal")), keys.taskFieldNames().toString());
    assertTrue(!keys.taskFieldNames().contains("pool"), keys.taskFieldNames().toString());
  }

  @Test
  void callsOnLocalsInScopeAreNoInheritedFieldsCalls() {
    com.github.javaparser.ast.CompilationUnit unit =
        StaticJavaParser.parse(
            """
            class PrintJob extends Job {
              private final java.util.concurrent.ExecutorService pool = null;
              void run(String text) {
                pool.submit(() -> {
                  Receipt receipt = new Receipt(text);
                  receipt.stamp();
                  spooler.print(receipt);
                });
              }
            }
            """);
    io.mapguard.lint.symbols.LintSymbols symbols =
        new io.mapguard.lint.symbols.LintSymbols(
            new io.mapguard.lint.symbols.LintTypes(unit, null, new java.util.HashMap<>(), null, false));
    CallKeys keys =
        CallKeys.of(
            unit,
            name -> {
              io.mapguard.lint.symbols.LintSymbols.Variable variable = symbols.variable(name);
              return variable != null && !variable.isField();
            });
    // receipt is the lambda's own (stamp), spooler may be a field Job declares (print)
    assertEquals(Set.of("print"), keys.inheritedTaskFieldCalls());
    assertTrue(keys.taskFieldNames().contains("spooler"), keys.taskFieldNames().toString());
    assertTrue(!keys.taskFieldNames().contains("receipt"), keys.taskFieldNames().toString());
    // without scopes every name that is no field of the file may be an inherited one
    assertTrue(CallKeys.of(unit).taskFieldNames().contains("receipt"));
  }

  @Test
  void aClassExtendingOneOfItsOwnFileHasNoInheritedTaskCalls() {
    CallKeys keys =
        CallKeys.of(
            StaticJavaParser.parse(
                """
                class Base { protected Ledger ledger; }
                class Job extends Base {
                  void run(java.util.concurrent.Executor pool) { pool.execute(() -> ledger.post()); }
                }
                """));
    assertEquals(Set.of(), keys.inheritedTaskFieldCalls());
    assertEquals(Set.of("post"), keys.taskFieldCalls());
  }
}
