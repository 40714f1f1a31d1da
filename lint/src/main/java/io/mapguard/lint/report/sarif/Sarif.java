package io.mapguard.lint.report.sarif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The part of the SARIF 2.1.0 object model mapvet writes, as plain records serialised by Jackson.
 * Names follow the specification's property names; absent (null) properties are left out.
 */
public final class Sarif {
  public static final String VERSION = "2.1.0";
  public static final String SCHEMA_URI =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** The base id of paths relative to the scanned tree, as GitHub code scanning expects. */
  public static final String SRCROOT = "%SRCROOT%";

  private Sarif() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Run(
      Tool tool,
      List<Invocation> invocations,
      Map<String, ArtifactLocation> originalUriBaseIds,
      String columnKind,
      List<Result> results) {}

  public record Tool(ToolComponent driver) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ToolComponent(
      String name,
      String version,
      String semanticVersion,
      String informationUri,
      List<ReportingDescriptor> rules) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReportingDescriptor(
      String id,
      String name,
      MultiformatMessageString shortDescription,
      MultiformatMessageString fullDescription,
      MultiformatMessageString help,
      String helpUri,
      ReportingConfiguration defaultConfiguration,
      PropertyBag properties) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MultiformatMessageString(String text, String markdown) {
    public static MultiformatMessageString plain(String text) {
      return new MultiformatMessageString(text, null);
    }
  }

  public record ReportingConfiguration(boolean enabled, String level) {}

  public record PropertyBag(List<String> tags) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Invocation(
      boolean executionSuccessful, List<Notification> toolExecutionNotifications) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Notification(String level, Message message, List<Location> locations) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(
      String ruleId,
      Integer ruleIndex,
      String level,
      Message message,
      List<Location> locations,
      Map<String, String> partialFingerprints,
      @JsonInclude(JsonInclude.Include.NON_NULL) ResultProperties properties) {}

  /** mapvet's fix suggestions, as sentences (SARIF's own {@code fixes} need concrete edits). */
  public record ResultProperties(List<String> suggestions) {}

  public record Message(String text) {}

  public record Location(PhysicalLocation physicalLocation) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ArtifactLocation(String uri, String uriBaseId) {}

  /** 1-based; {@code endColumn} is exclusive (the column after the region's last character). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Region(
      Integer startLine, Integer startColumn, Integer endLine, Integer endColumn) {}
}
