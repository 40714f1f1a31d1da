package io.mapguard.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.mapguard.engine.report.Evidence;
import io.mapguard.engine.report.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 for mapvet and the compiler plugins, written once so that both produce the same
 * report: the tool's rules, results with paths relative to {@code %SRCROOT%}, evidence as related
 * locations, concrete fixes, and input problems as tool execution notifications. Absent (null or
 * empty) properties are left out, as the schema forbids empty arrays in several places.
 */
public final class Sarif {
  public static final String VERSION = "2.1.0";
  public static final String SCHEMA_URI =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** The base id of paths relative to the scanned tree, as GitHub code scanning expects. */
  public static final String SRCROOT = "%SRCROOT%";

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private Sarif() {}

  /** One rule the tool can report ({@code reportingDescriptor}). */
  public record RuleDescriptor(
      String id,
      String name,
      String shortDescription,
      String fullDescription,
      String helpMarkdown,
      String helpUri,
      boolean enabled,
      String level) {

    /**
     * A rule whose {@code name} is its id in words ("UnsynchronizedSharedMap" becomes "Unsynchronized
     * shared map"): the id stays the stable key users write in suppressions and options, the name is
     * what a viewer shows a person.
     *
     * @param page the rule page as Markdown, or null: the help text
     */
    public static RuleDescriptor of(
        String id,
        String summary,
        String fullDescription,
        String page,
        String helpUri,
        boolean enabled,
        String level) {
      return new RuleDescriptor(
          id, words(id), summary, fullDescription, page, helpUri, enabled, Sarif.level(level));
    }

    /** An engine rule, with its page when the caller has it. */
    public static RuleDescriptor of(Rule rule, String fullDescription, String page) {
      return of(
          rule.ruleName(),
          rule.summary(),
          fullDescription == null ? rule.summary() : fullDescription,
          page,
          rule.docsUrl(),
          rule.enabledByDefault(),
          rule.defaultSeverity());
    }
  }

  /**
   * 1-based lines and columns, {@code endColumn} exclusive (SARIF's convention), or a range of
   * characters; absent parts are null.
   */
  public record Region(
      Integer startLine,
      Integer startColumn,
      Integer endLine,
      Integer endColumn,
      Integer charOffset,
      Integer charLength) {

    public static Region lines(Integer startLine, Integer startColumn, Integer endLine, Integer endColumn) {
      return new Region(startLine, startColumn, endLine, endColumn, null, null);
    }

    public static Region characters(int offset, int length) {
      return new Region(null, null, null, null, offset, length);
    }
  }

  /**
   * A place in a file. {@code file} is a path: a relative one becomes a URI relative to {@code
   * %SRCROOT%}, an absolute one a {@code file:} URI.
   *
   * @param message what the place shows (for related locations), or null
   */
  public record Location(String file, Region region, String message) {
    /**
     * The places a finding's message cites, as related locations: lines only (javac counts a tab
     * as up to 8 columns, JavaParser as 1), which is what the evidence names.
     */
    public static List<Location> related(String file, List<Evidence> evidence) {
      List<Location> related = new ArrayList<>();
      for (Evidence place : evidence) {
        related.add(new Location(file, Region.lines(place.line(), null, null, null), place.description()));
      }
      return related;
    }
  }

  /** One edit of a fix: the text in {@code deleted} becomes {@code inserted}. */
  public record Replacement(Region deleted, String inserted) {}

  /** A fix: edits of one file. */
  public record Fix(String description, String file, List<Replacement> replacements) {}

  /**
   * @param related the evidence the message mentions (the other accesses, the lock, the task)
   * @param fingerprints SARIF {@code partialFingerprints}
   * @param suggestions fixes as sentences, for readers without edits (in {@code properties})
   */
  public record Result(
      String ruleId,
      String level,
      String message,
      Location location,
      List<Location> related,
      List<Fix> fixes,
      Map<String, String> fingerprints,
      List<String> suggestions) {}

  /** A problem of the run itself (an unreadable file, a parse error); {@code location} may be null. */
  public record Notification(String level, String message, Location location) {}

  /**
   * One run of one tool.
   *
   * @param workingDir what {@code %SRCROOT%} stands for
   * @param executionSuccessful false when the tool could not do all it was asked to
   */
  public record Run(
      String toolName,
      String toolVersion,
      String informationUri,
      List<RuleDescriptor> rules,
      Path workingDir,
      boolean executionSuccessful,
      List<Notification> notifications,
      List<Result> results) {}

  /** This build's version (for the driver of a report), or "unknown". */
  public static String version() {
    Properties properties = new Properties();
    try (InputStream in = Sarif.class.getResourceAsStream("report.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // a missing version must not cost the report
    }
    String version = properties.getProperty("version", "unknown");
    return version.startsWith("${") ? "unknown" : version;
  }

  /** Writes {@code run} as a SARIF log, indented, without closing {@code out}. */
  public static void write(Run run, Writer out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      new Writing(json, run).log();
    }
    out.write('\n');
  }

  /** "UnsynchronizedSharedMap" → "Unsynchronized shared map". */
  static String words(String id) {
    String spaced = id.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ");
    return spaced.isEmpty()
        ? spaced
        : spaced.charAt(0) + spaced.substring(1).toLowerCase(Locale.ROOT);
  }

  /** SARIF's levels; anything milder than a warning is a note. */
  public static String level(String severity) {
    switch (severity.toLowerCase(Locale.ROOT)) {
      case "error":
        return "error";
      case "warning":
        return "warning";
      default:
        return "note";
    }
  }

  private static final class Writing {
    private final JsonGenerator json;
    private final Run run;

    Writing(JsonGenerator json, Run run) {
      this.json = json;
      this.run = run;
    }

    void log() throws IOException {
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA_URI);
      json.writeStringField("version", VERSION);
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      tool();
      invocations();
      json.writeObjectFieldStart("originalUriBaseIds");
      json.writeObjectFieldStart(SRCROOT);
      json.writeStringField("uri", directoryUri(run.workingDir()));
      json.writeEndObject();
      json.writeEndObject();
      json.writeStringField("columnKind", "utf16CodeUnits");
      results();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }

    private void tool() throws IOException {
      json.writeObjectFieldStart("tool");
      json.writeObjectFieldStart("driver");
      json.writeStringField("name", run.toolName());
      json.writeStringField("version", run.toolVersion());
      // SARIF's semanticVersion must be SemVer; a version that is not is left out.
      if (run.toolVersion().matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?")) {
        json.writeStringField("semanticVersion", run.toolVersion());
      }
      json.writeStringField("informationUri", run.informationUri());
      json.writeArrayFieldStart("rules");
      for (RuleDescriptor rule : run.rules()) {
        rule(rule);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    }

    private void rule(RuleDescriptor rule) throws IOException {
      json.writeStartObject();
      json.writeStringField("id", rule.id());
      json.writeStringField("name", rule.name());
      message("shortDescription", rule.shortDescription(), null);
      message("fullDescription", rule.fullDescription(), null);
      if (rule.helpMarkdown() != null) {
        // Viewers without Markdown get the description and a link to the page.
        message(
            "help", rule.fullDescription() + " See " + rule.helpUri(), rule.helpMarkdown());
      }
      json.writeStringField("helpUri", rule.helpUri());
      json.writeObjectFieldStart("defaultConfiguration");
      json.writeBooleanField("enabled", rule.enabled());
      json.writeStringField("level", rule.level());
      json.writeEndObject();
      json.writeObjectFieldStart("properties");
      json.writeArrayFieldStart("tags");
      json.writeString("concurrency");
      json.writeString("java");
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    }

    private void invocations() throws IOException {
      json.writeArrayFieldStart("invocations");
      json.writeStartObject();
      json.writeBooleanField("executionSuccessful", run.executionSuccessful());
      if (!run.notifications().isEmpty()) {
        json.writeArrayFieldStart("toolExecutionNotifications");
        for (Notification notification : run.notifications()) {
          json.writeStartObject();
          json.writeStringField("level", notification.level());
          message("message", notification.message(), null);
          if (notification.location() != null) {
            json.writeArrayFieldStart("locations");
            location(notification.location());
            json.writeEndArray();
          }
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeEndArray();
    }

    private void results() throws IOException {
      Map<String, Integer> ruleIndex = new HashMap<>();
      for (RuleDescriptor rule : run.rules()) {
        ruleIndex.putIfAbsent(rule.id(), ruleIndex.size());
      }
      json.writeArrayFieldStart("results");
      for (Result result : run.results()) {
        json.writeStartObject();
        json.writeStringField("ruleId", result.ruleId());
        Integer index = ruleIndex.get(result.ruleId());
        if (index != null) {
          json.writeNumberField("ruleIndex", index);
        }
        json.writeStringField("level", result.level());
        message("message", result.message(), null);
        json.writeArrayFieldStart("locations");
        location(result.location());
        json.writeEndArray();
        if (!result.related().isEmpty()) {
          json.writeArrayFieldStart("relatedLocations");
          int id = 0;
          for (Location related : result.related()) {
            location(related, id++);
          }
          json.writeEndArray();
        }
        if (!result.fingerprints().isEmpty()) {
          json.writeObjectFieldStart("partialFingerprints");
          for (Map.Entry<String, String> entry : new TreeMap<>(result.fingerprints()).entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
          }
          json.writeEndObject();
        }
        fixes(result.fixes());
        if (!result.suggestions().isEmpty()) {
          json.writeObjectFieldStart("properties");
          json.writeArrayFieldStart("suggestions");
          for (String suggestion : result.suggestions()) {
            json.writeString(suggestion);
          }
          json.writeEndArray();
          json.writeEndObject();
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    }

    private void fixes(List<Fix> fixes) throws IOException {
      if (fixes.isEmpty()) {
        return;
      }
      json.writeArrayFieldStart("fixes");
      for (Fix fix : fixes) {
        json.writeStartObject();
        message("description", fix.description(), null);
        json.writeArrayFieldStart("artifactChanges");
        json.writeStartObject();
        json.writeFieldName("artifactLocation");
        artifactLocation(fix.file());
        json.writeArrayFieldStart("replacements");
        for (Replacement replacement : fix.replacements()) {
          json.writeStartObject();
          json.writeFieldName("deletedRegion");
          region(replacement.deleted());
          if (!replacement.inserted().isEmpty()) {
            json.writeObjectFieldStart("insertedContent");
            json.writeStringField("text", replacement.inserted());
            json.writeEndObject();
          }
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
    }

    private void location(Location location) throws IOException {
      location(location, null);
    }

    /** {@code id}: related locations are numbered, so that a message can link to them. */
    private void location(Location location, Integer id) throws IOException {
      json.writeStartObject();
      if (id != null) {
        json.writeNumberField("id", id);
      }
      json.writeObjectFieldStart("physicalLocation");
      json.writeFieldName("artifactLocation");
      artifactLocation(location.file());
      if (location.region() != null) {
        json.writeFieldName("region");
        region(location.region());
      }
      json.writeEndObject();
      if (location.message() != null) {
        message("message", location.message(), null);
      }
      json.writeEndObject();
    }

    private void artifactLocation(String file) throws IOException {
      Path path = Path.of(file);
      json.writeStartObject();
      if (path.isAbsolute()) {
        json.writeStringField("uri", path.toUri().toString());
      } else {
        json.writeStringField("uri", relativeUri(file));
        json.writeStringField("uriBaseId", SRCROOT);
      }
      json.writeEndObject();
    }

    private void region(Region region) throws IOException {
      json.writeStartObject();
      number("startLine", region.startLine());
      number("startColumn", region.startColumn());
      number("endLine", region.endLine());
      number("endColumn", region.endColumn());
      number("charOffset", region.charOffset());
      number("charLength", region.charLength());
      json.writeEndObject();
    }

    private void number(String field, Integer value) throws IOException {
      if (value != null) {
        json.writeNumberField(field, value);
      }
    }

    private void message(String field, String text, String markdown) throws IOException {
      json.writeObjectFieldStart(field);
      json.writeStringField("text", text);
      if (markdown != null) {
        json.writeStringField("markdown", markdown);
      }
      json.writeEndObject();
    }
  }

  private static String relativeUri(String relativePath) {
    try {
      // The multi-argument constructor percent-encodes spaces and other characters URIs forbid.
      return new URI(null, null, relativePath.replace('\\', '/'), null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot make a URI of " + relativePath, e);
    }
  }

  private static String directoryUri(Path directory) {
    String uri = directory.toAbsolutePath().normalize().toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }
}
