package io.mapguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.mapguard.engine.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared writer against the official SARIF 2.1.0 schema (test-fixtures'
 * src/main/resources/sarif/README.md says where it comes from): rule names, help links, related
 * locations and fixes.
 */
class SarifTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    try (InputStream in = SarifTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema = registry.getSchema(in);
    }
  }

  static List<String> validate(String json) {
    List<String> errors = new ArrayList<>();
    for (Error error : schema.validate(json, InputFormat.JSON)) {
      errors.add(error.toString());
    }
    return errors;
  }

  private static Sarif.Run run(List<Sarif.Result> results) {
    return new Sarif.Run(
        "mapguard",
        "0.2.0",
        "https://github.com/mapguard/mapguard",
        List.of(
            Sarif.RuleDescriptor.of(Rules.UNSYNCHRONIZED_SHARED_MAP, null, null),
            Sarif.RuleDescriptor.of(Rules.INCONSISTENT_MAP_LOCKING, null, "# InconsistentMapLocking\n")),
        Path.of("/work/project"),
        true,
        List.of(new Sarif.Notification("note", "compiled with errors", null)),
        results);
  }

  private static final Sarif.Result FINDING =
      new Sarif.Result(
          "InconsistentMapLocking",
          "warning",
          "'m' is read without 'lock' here; it is guarded by 'lock' at 2 of 3 accesses (e.g. line 5)",
          new Sarif.Location("src/A B.java", Sarif.Region.lines(9, 12, 9, 20), null),
          List.of(new Sarif.Location("src/A B.java", Sarif.Region.lines(5, null, null, null), "'lock' is held here")),
          List.of(
              new Sarif.Fix(
                  "Wrap the statement in synchronized (lock) { … }.",
                  "/work/project/src/A B.java",
                  List.of(
                      new Sarif.Replacement(Sarif.Region.characters(120, 0), "synchronized (lock) {"),
                      new Sarif.Replacement(Sarif.Region.characters(140, 3), "")))),
          Map.of("mapguard/v1", "abc"),
          List.of("Wrap the statement in synchronized (lock) { … }."));

  private static String write(Sarif.Run run) throws IOException {
    StringWriter out = new StringWriter();
    Sarif.write(run, out);
    return out.toString();
  }

  @Test
  void aFullResultIsValidSarif() throws IOException {
    String json = write(run(List.of(FINDING)));

    assertEquals(List.of(), validate(json));
    JsonNode log = JSON.readTree(json);
    JsonNode rule = log.at("/runs/0/tool/driver/rules/1");
    assertEquals("InconsistentMapLocking", rule.get("id").asString());
    assertEquals("Inconsistent map locking", rule.get("name").asString());
    assertEquals(Rules.INCONSISTENT_MAP_LOCKING.summary(), rule.at("/shortDescription/text").asString());
    assertEquals(Rules.INCONSISTENT_MAP_LOCKING.docsUrl(), rule.get("helpUri").asString());
    assertEquals("# InconsistentMapLocking\n", rule.at("/help/markdown").asString());
    // no page, no help: the help URI still links it
    assertEquals(true, log.at("/runs/0/tool/driver/rules/0/help").isMissingNode());

    JsonNode result = log.at("/runs/0/results/0");
    assertEquals(1, result.get("ruleIndex").asInt());
    JsonNode related = result.at("/relatedLocations/0");
    assertEquals(0, related.get("id").asInt());
    assertEquals("src/A%20B.java", related.at("/physicalLocation/artifactLocation/uri").asString());
    assertEquals(5, related.at("/physicalLocation/region/startLine").asInt());
    assertEquals("'lock' is held here", related.at("/message/text").asString());
    JsonNode change = result.at("/fixes/0/artifactChanges/0");
    assertEquals("file:///work/project/src/A%20B.java", change.at("/artifactLocation/uri").asString());
    assertEquals(120, change.at("/replacements/0/deletedRegion/charOffset").asInt());
    assertEquals(0, change.at("/replacements/0/deletedRegion/charLength").asInt());
    assertEquals("synchronized (lock) {", change.at("/replacements/0/insertedContent/text").asString());
    // a pure deletion has no inserted content
    assertEquals(true, change.at("/replacements/1/insertedContent").isMissingNode());
    assertEquals("abc", result.at("/partialFingerprints/mapguard~1v1").asString());
  }

  @Test
  void anEmptyRunIsValidSarif() throws IOException {
    String json = write(run(List.of()));

    assertEquals(List.of(), validate(json));
    assertEquals(0, JSON.readTree(json).at("/runs/0/results").size());
  }

  @Test
  void theSchemaCheckCanFail() throws IOException {
    Sarif.Fix noEdits = new Sarif.Fix("nothing", "A.java", List.of());
    Sarif.Result withEmptyFix =
        new Sarif.Result(
            FINDING.ruleId(),
            FINDING.level(),
            FINDING.message(),
            FINDING.location(),
            List.of(),
            List.of(noEdits),
            Map.of(),
            List.of());

    assertFalse(validate(write(run(List.of(withEmptyFix)))).isEmpty());
  }

  @Test
  void namesAreTheIdInWords() {
    assertEquals("Unsynchronized shared map", Sarif.words("UnsynchronizedSharedMap"));
    assertEquals("Map write under read lock", Sarif.words("MapWriteUnderReadLock"));
    assertEquals("Invalid ignore", Sarif.words("InvalidIgnore"));
  }
}
