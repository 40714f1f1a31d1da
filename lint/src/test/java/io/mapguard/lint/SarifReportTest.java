package io.mapguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.mapguard.engine.rules.Rules;
import io.mapguard.lint.rules.RuleCatalog;
import io.mapguard.lint.rules.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format sarif}, validated against the official SARIF 2.1.0 schema (see
 * test-fixtures/src/main/resources/sarif/README.md for where the schema comes from).
 */
class SarifReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Schema sarifSchema;

  @TempDir Path dir;
  private CliHarness cli;

  @BeforeAll
  static void loadSchema() throws IOException {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder ->
                builder.schemaRegistryConfig(
                    // Also check "format": "uri" / "uri-reference" / "date-time" values.
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    try (InputStream in =
        SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      sarifSchema = registry.getSchema(in);
    }
  }

  @BeforeEach
  void files() {
    cli = new CliHarness(dir);
    cli.write(
        "my src/A.java",
        "class A {\n"
            + "  // FAKE(InconsistentMapLocking): 'm' is read without 'lock'\n"
            + "  // mapvet:ignore GuardedMapEscape\n"
            + "}\n");
    cli.write("my src/Bad.java", "class Bad {\n  SYNTAX ERROR\n}\n");
  }

  /** The schema's complaints about {@code json}, none for valid SARIF 2.1.0 (also for {@link SarifFixesTest}). */
  static List<String> validate(String json) {
    if (sarifSchema == null) {
      try {
        loadSchema();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    List<String> messages = new ArrayList<>();
    for (Error error : sarifSchema.validate(json, InputFormat.JSON)) {
      messages.add(error.toString());
    }
    return messages;
  }

  private JsonNode sarifRun() throws IOException {
    CliHarness.Result result = cli.run("--format", "sarif", "my src");
    assertEquals(1, result.exitCode(), result::toString);
    return JSON.readTree(result.out());
  }

  @Test
  void outputIsValidSarif() {
    CliHarness.Result result = cli.run("--format", "sarif", "my src");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of(), validate(result.out()));
  }

  @Test
  void emptyRunIsValidSarifToo() {
    cli.write("clean/C.java", "class C {}\n");

    CliHarness.Result result = cli.run("--format", "sarif", "clean");

    assertEquals(0, result.exitCode());
    assertEquals(List.of(), validate(result.out()));
  }

  @Test
  void theSchemaCheckCanFail() throws IOException {
    ObjectNode log = (ObjectNode) sarifRun();
    log.remove("version");
    assertFalse(validate(JSON.writeValueAsString(log)).isEmpty());

    ObjectNode broken = (ObjectNode) sarifRun();
    ((ObjectNode) broken.at("/runs/0/results/0/locations/0/physicalLocation/region"))
        .put("startLine", 0);
    assertFalse(validate(JSON.writeValueAsString(broken)).isEmpty());

    ObjectNode badUri = (ObjectNode) sarifRun();
    ((ObjectNode) badUri.at("/runs/0/tool/driver/rules/0")).put("helpUri", "not a uri");
    assertFalse(validate(JSON.writeValueAsString(badUri)).isEmpty());
  }

  @Test
  void driverDescribesEveryRule() throws IOException {
    JsonNode driver = sarifRun().at("/runs/0/tool/driver");

    assertEquals("mapvet", driver.get("name").asText());
    assertTrue(driver.get("version").asText().matches("\\d+\\.\\d+\\.\\d+.*"));
    List<RuleInfo> catalog = RuleCatalog.all();
    assertEquals(catalog.size(), driver.get("rules").size());
    for (int i = 0; i < catalog.size(); i++) {
      JsonNode rule = driver.get("rules").get(i);
      RuleInfo info = catalog.get(i);
      assertEquals(info.name(), rule.get("id").asText());
      // the id is the stable key users write; the name is for people
      assertFalse(rule.get("name").asText().equals(info.name()), rule::toString);
      assertEquals(info.summary(), rule.at("/shortDescription/text").asText());
      assertFalse(rule.at("/fullDescription/text").asText().isEmpty());
      assertTrue(
          rule.at("/help/markdown").asText().startsWith("# " + info.name() + "\n"), info.name());
      assertEquals(info.helpUri(), rule.get("helpUri").asText());
      assertEquals("warning", rule.at("/defaultConfiguration/level").asText());
      assertEquals(info.enabledByDefault(), rule.at("/defaultConfiguration/enabled").asBoolean());
    }
    assertEquals(
        "An access to a shared non-thread-safe map field misses the lock that guards the field"
            + " everywhere else.",
        driver.at("/rules/1/fullDescription/text").asText());
    assertEquals("Inconsistent map locking", driver.at("/rules/1/name").asText());
    // mapvet's own rules follow the engine's
    assertEquals(
        "Invalid ignore",
        driver.get("rules").get(Rules.all().size()).get("name").asText());
    assertEquals(
        "https://github.com/mapguard/mapguard/blob/main/docs/rules/InconsistentMapLocking.md",
        driver.at("/rules/1/helpUri").asText());
  }

  @Test
  void resultsCarryRelativeLocationsAndFingerprints() throws IOException {
    JsonNode run = sarifRun().at("/runs/0");

    assertEquals(dir.toUri().toString(), run.at("/originalUriBaseIds/%SRCROOT%/uri").asText());
    assertEquals("utf16CodeUnits", run.get("columnKind").asText());
    JsonNode results = run.get("results");
    assertEquals(2, results.size());

    JsonNode finding = results.get(0);
    assertEquals("InconsistentMapLocking", finding.get("ruleId").asText());
    assertEquals(1, finding.get("ruleIndex").asInt());
    assertEquals("warning", finding.get("level").asText());
    assertEquals("'m' is read without 'lock'", finding.at("/message/text").asText());
    JsonNode location = finding.at("/locations/0/physicalLocation");
    assertEquals("my%20src/A.java", location.at("/artifactLocation/uri").asText());
    assertEquals("%SRCROOT%", location.at("/artifactLocation/uriBaseId").asText());
    assertEquals(2, location.at("/region/startLine").asInt());
    assertEquals(3, location.at("/region/startColumn").asInt());
    assertEquals(2, location.at("/region/endLine").asInt());
    // The line ends at column 61; SARIF's end column is the one after it.
    assertEquals(62, location.at("/region/endColumn").asInt());
    assertEquals(
        FakeAnalyzer.fingerprint(
            "InconsistentMapLocking", "my src/A.java", "'m' is read without 'lock'"),
        finding.at("/partialFingerprints/mapvetFingerprint~1v1").asText());
    // v2 is the white-space-insensitive fingerprint baselines match on, as in the JSON report
    assertTrue(
        finding.at("/partialFingerprints/mapvetFingerprint~1v2").asText().matches("[0-9a-f]{20}"),
        finding::toString);

    JsonNode directive = results.get(1);
    assertEquals("InvalidIgnore", directive.get("ruleId").asText());
    // the directive rules come after every engine rule in the driver's rule list
    assertEquals(Rules.all().size(), directive.get("ruleIndex").asInt());
    assertEquals(3, directive.at("/locations/0/physicalLocation/region/startLine").asInt());
  }

  @Test
  void relatedLocationsAreThePlacesTheMessageCites() throws IOException {
    cli.write(
        "shared/Counter.java",
        "import java.util.HashMap;\n"
            + "import java.util.Map;\n"
            + "\n"
            + "public class Counter {\n"
            + "  private final Map<String, Integer> counts = new HashMap<>();\n"
            + "\n"
            + "  public void start() {\n"
            + "    new Thread(() -> counts.put(\"tick\", 1)).start();\n"
            + "  }\n"
            + "\n"
            + "  public int count(String key) {\n"
            + "    return counts.getOrDefault(key, 0);\n"
            + "  }\n"
            + "}\n");
    CliHarness.Result result = cli.runReal("--format", "sarif", "shared");
    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of(), validate(result.out()));

    // one race: reported at its write (line 8), citing the read (line 12), which is its other access
    JsonNode results = JSON.readTree(result.out()).at("/runs/0/results");
    assertEquals(1, results.size(), results::toString);
    JsonNode race = results.get(0);
    assertEquals("UnsynchronizedSharedMap", race.get("ruleId").asText());
    assertEquals(8, race.at("/locations/0/physicalLocation/region/startLine").asInt());
    JsonNode related = race.get("relatedLocations");
    assertEquals(1, related.size(), race::toString);
    JsonNode place = related.get(0).get("physicalLocation");
    assertEquals("shared/Counter.java", place.at("/artifactLocation/uri").asText());
    assertEquals(12, place.at("/region/startLine").asInt());
    assertEquals("read by callers of count(String)", related.get(0).at("/message/text").asText());

    // every access on request: the read cites the thread created at line 8
    CliHarness.Result every = cli.runReal("--every-access", "--format", "sarif", "shared");
    JsonNode accesses = JSON.readTree(every.out()).at("/runs/0/results");
    assertEquals(2, accesses.size(), accesses::toString);
    for (JsonNode finding : accesses) {
      int cited = finding.at("/relatedLocations/0/physicalLocation/region/startLine").asInt();
      int line = finding.at("/locations/0/physicalLocation/region/startLine").asInt();
      assertEquals(line == 8 ? 12 : 8, cited, finding::toString);
    }
  }

  @Test
  void checkThenActAndNullValuesCiteTheirFirstStep() throws IOException {
    cli.write(
        "cache/Cache.java",
        "import java.util.Map;\n"
            + "import java.util.concurrent.ConcurrentHashMap;\n"
            + "\n"
            + "public class Cache {\n"
            + "  private final Map<String, String> m = new ConcurrentHashMap<>();\n"
            + "\n"
            + "  public void add(String k, String v) {\n"
            + "    if (!m.containsKey(k)) {\n"
            + "      m.put(k, v);\n"
            + "    }\n"
            + "  }\n"
            + "\n"
            + "  public void start() {\n"
            + "    new Thread(() -> add(\"a\", \"b\")).start();\n"
            + "  }\n"
            + "\n"
            + "  public void clear(String k) {\n"
            + "    String v = null;\n"
            + "    m.put(k, v);\n"
            + "  }\n"
            + "}\n");
    CliHarness.Result result = cli.runReal("--format", "sarif", "cache");
    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of(), validate(result.out()));

    List<String> cited = new ArrayList<>();
    for (JsonNode finding : JSON.readTree(result.out()).at("/runs/0/results")) {
      for (JsonNode place : finding.get("relatedLocations")) {
        cited.add(
            finding.get("ruleId").asText()
                + ":"
                + finding.at("/locations/0/physicalLocation/region/startLine").asInt()
                + " cites "
                + place.at("/physicalLocation/region/startLine").asInt()
                + " "
                + place.at("/message/text").asText());
      }
    }
    assertEquals(
        List.of(
            "ConcurrentMapCheckThenAct:9 cites 8 checked here (containsKey)",
            "ConcurrentMapNullValue:19 cites 18 'v' is assigned null here"),
        cited);
  }

  /** A source file from its lines: line i of the file is {@code lines[i - 1]}. */
  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  /**
   * One fixture per rule that cites evidence since issue 15's last step, through the real front end:
   * each result's related locations are the lines its message names (other than its own line), with
   * a description that reads on its own. MapWriteUnderReadLock cites none: its message names no
   * other line, and where the read lock was taken is not among the facts.
   */
  @Test
  void everyRuleCitesTheLinesItsMessageNames() throws IOException {
    cli.write(
        "cited/Escapes.java",
        lines(
            "import java.util.HashMap;",
            "import java.util.Map;",
            "",
            "public class Escapes {",
            "  private final Map<String, String> sessions = new HashMap<>();",
            "",
            "  public synchronized void put(String id, String user) {",
            "    sessions.put(id, user);", // 8: the guard is held
            "  }",
            "",
            "  public synchronized void remove(String id) {",
            "    sessions.remove(id);",
            "  }",
            "",
            "  public synchronized Map<String, String> sessions() {",
            "    return sessions;", // 16: GuardedMapEscape
            "  }",
            "}"));
    cli.write(
        "cited/Lazy.java",
        lines(
            "import java.util.HashMap;",
            "import java.util.Map;",
            "",
            "public class Lazy {",
            "  private Map<String, String> config;",
            "",
            "  public Map<String, String> config() {",
            "    if (config == null) {", // 8: the unlocked check
            "      synchronized (this) {",
            "        if (config == null) {",
            "          config = new HashMap<>(System.getenv());", // 11: UnsafeMapPublication
            "        }",
            "      }",
            "    }",
            "    return config;",
            "  }",
            "}"));
    cli.write(
        "cited/Limits.java",
        lines(
            "import java.util.HashMap;",
            "import java.util.Map;",
            "import java.util.concurrent.Executors;",
            "import java.util.concurrent.ScheduledExecutorService;",
            "import java.util.concurrent.TimeUnit;",
            "",
            "public class Limits {",
            "  private final ScheduledExecutorService ses = Executors.newScheduledThreadPool(1);",
            "  private Map<String, Integer> limits = new HashMap<>();",
            "",
            "  public void start() {",
            "    ses.scheduleAtFixedRate(() -> {", // 12: the task
            "      System.out.println(limits.getOrDefault(\"rps\", 0));", // 13: its read
            "    }, 0, 1, TimeUnit.SECONDS);",
            "  }",
            "",
            "  public void reload(Map<String, Integer> fresh) {",
            "    limits = new HashMap<>(fresh);", // 18: UnsafeMapPublication
            "  }",
            "}"));
    cli.write(
        "cited/Groups.java",
        lines(
            "import java.util.HashSet;",
            "import java.util.Set;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "import java.util.concurrent.ExecutorService;",
            "",
            "public class Groups {",
            "  private final ConcurrentHashMap<String, Set<Long>> seen = new ConcurrentHashMap<>();",
            "",
            "  public void record(ExecutorService pool, String user, long id) {",
            "    pool.submit(() -> remember(user, id));", // 10: the task
            "  }",
            "",
            "  void remember(String user, long id) {",
            "    Set<Long> ids = seen.get(user);", // 14: the value is taken
            "    if (ids != null) {",
            "      ids.add(id);", // 16: MutableValueInConcurrentMap
            "    }",
            "  }",
            "",
            "  public void reset(String user) {",
            "    seen.put(user, new HashSet<>());", // 21: the value is created
            "  }",
            "}"));
    cli.write(
        "cited/Sessions.java",
        lines(
            "import java.util.ArrayList;",
            "import java.util.Collections;",
            "import java.util.HashMap;",
            "import java.util.List;",
            "import java.util.Map;",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.Executors;",
            "",
            "public class Sessions {",
            "  private final ExecutorService pool = Executors.newFixedThreadPool(2);",
            "  private final Map<String, Long> sessions = Collections.synchronizedMap(new HashMap<>());",
            "",
            "  public void touch(String id) {",
            "    pool.execute(() -> sessions.put(id, System.currentTimeMillis()));", // 14: the write
            "  }",
            "",
            "  public List<String> ids() {",
            "    List<String> out = new ArrayList<>();",
            "    for (String id : sessions.keySet()) {", // 19: SynchronizedMapIteration
            "      out.add(id);",
            "    }",
            "    return out;",
            "  }",
            "}"));
    cli.write(
        "cited/Counts.java",
        lines(
            "import java.util.Collections;",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "",
            "public class Counts {",
            "  private final Map<String, Integer> counts = new HashMap<>();",
            "  private final Map<String, Integer> sync = Collections.synchronizedMap(counts);", // 7
            "",
            "  public void hit(String page) {",
            "    sync.merge(page, 1, Integer::sum);",
            "  }",
            "",
            "  public void forget(String page) {",
            "    counts.remove(page);", // 14: SynchronizedMapBypass
            "  }",
            "}"));
    cli.write(
        "cited/Fib.java",
        lines(
            "import java.util.HashMap;",
            "import java.util.Map;",
            "",
            "public class Fib {",
            "  private final Map<Integer, Long> memo = new HashMap<>();",
            "",
            "  public long fib(int n) {",
            "    if (n < 2) {",
            "      return n;",
            "    }",
            "    return memo.computeIfAbsent(n, k -> {", // 11: RecursiveMapUpdate, through fib
            "      long value = fib(k - 1) + fib(k - 2);", // 12: the call
            "      return value;",
            "    });",
            "  }",
            "",
            "  public void link(int n) {",
            "    memo.computeIfAbsent(n, k -> {", // 18: the update
            "      memo.put(k + 1, 0L);", // 19: RecursiveMapUpdate
            "      return 0L;",
            "    });",
            "  }",
            "}"));
    cli.write(
        "cited/Prices.java",
        lines(
            "import java.util.HashMap;",
            "import java.util.Map;",
            "import java.util.concurrent.locks.ReadWriteLock;",
            "import java.util.concurrent.locks.ReentrantReadWriteLock;",
            "",
            "public class Prices {",
            "  private final ReadWriteLock rw = new ReentrantReadWriteLock();",
            "  private final Map<String, Double> prices = new HashMap<>();",
            "",
            "  public double price(String sku) {",
            "    rw.readLock().lock();",
            "    try {",
            "      Double p = prices.get(sku);",
            "      if (p == null) {",
            "        p = 0.0;",
            "        prices.put(sku, p);", // 16: MapWriteUnderReadLock
            "      }",
            "      return p;",
            "    } finally {",
            "      rw.readLock().unlock();",
            "    }",
            "  }",
            "",
            "  public void update(String sku, double price) {",
            "    rw.writeLock().lock();",
            "    try {",
            "      prices.put(sku, price);",
            "    } finally {",
            "      rw.writeLock().unlock();",
            "    }",
            "  }",
            "}"));
    CliHarness.Result result = cli.runReal("--format", "sarif", "cited");
    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of(), validate(result.out()));

    List<String> cited = new ArrayList<>();
    for (JsonNode finding : JSON.readTree(result.out()).at("/runs/0/results")) {
      String at =
          finding.at("/locations/0/physicalLocation/artifactLocation/uri").asText().replace("cited/", "")
              + ":"
              + finding.at("/locations/0/physicalLocation/region/startLine").asInt()
              + " "
              + finding.get("ruleId").asText();
      JsonNode related = finding.get("relatedLocations");
      if (related == null) {
        cited.add(at + " cites nothing");
        continue;
      }
      for (JsonNode place : related) {
        assertEquals(
            finding.at("/locations/0/physicalLocation/artifactLocation/uri").asText(),
            place.at("/physicalLocation/artifactLocation/uri").asText());
        cited.add(
            at
                + " cites "
                + place.at("/physicalLocation/region/startLine").asInt()
                + " "
                + place.at("/message/text").asText());
      }
    }
    cited.sort(null);
    assertEquals(
        List.of(
            "Counts.java:14 SynchronizedMapBypass cites 7 'counts' is wrapped here",
            "Escapes.java:16 GuardedMapEscape cites 8 'this' is held here",
            // memoized recursion: the computeIfAbsent the message names is this finding's own line
            "Fib.java:11 RecursiveMapUpdate cites 12 the function of computeIfAbsent calls fib(int) here",
            "Fib.java:19 RecursiveMapUpdate cites 18 the computeIfAbsent on 'memo' whose function"
                + " modifies it",
            "Groups.java:16 MutableValueInConcurrentMap cites 10 the task submitted at line 10",
            "Groups.java:16 MutableValueInConcurrentMap cites 14 'ids' is taken from 'seen' here (get)",
            "Groups.java:16 MutableValueInConcurrentMap cites 21 a value created as HashSet is stored"
                + " in 'seen' here",
            "Lazy.java:11 UnsafeMapPublication cites 8 the unlocked check of 'config'",
            "Limits.java:18 UnsafeMapPublication cites 12 the task scheduled at line 12",
            "Limits.java:18 UnsafeMapPublication cites 13 'limits' is read here, in the task scheduled"
                + " at line 12",
            "Prices.java:16 MapWriteUnderReadLock cites nothing",
            "Sessions.java:19 SynchronizedMapIteration cites 14 'sessions' is written here (put)"),
        cited);
  }

  @Test
  void inputProblemsAreToolNotifications() throws IOException {
    JsonNode invocation = sarifRun().at("/runs/0/invocations/0");

    assertTrue(invocation.get("executionSuccessful").asBoolean());
    JsonNode notification = invocation.at("/toolExecutionNotifications/0");
    assertEquals("error", notification.get("level").asText());
    assertEquals("parse error: fake parse error", notification.at("/message/text").asText());
    assertEquals(
        "my%20src/Bad.java",
        notification.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(2, notification.at("/locations/0/physicalLocation/region/startLine").asInt());
  }
}
