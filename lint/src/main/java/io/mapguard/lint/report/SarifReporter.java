package io.mapguard.lint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mapguard.lint.frontend.LintFinding;
import io.mapguard.lint.report.sarif.Sarif;
import io.mapguard.lint.rules.RuleCatalog;
import io.mapguard.lint.rules.RuleDocs;
import io.mapguard.lint.rules.RuleInfo;
import io.mapguard.lint.scan.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers): rule
 * metadata with the rule pages as help, results with relative URIs under {@code %SRCROOT%} and
 * {@code partialFingerprints} so that alerts are tracked across commits, and input problems as tool
 * execution notifications.
 */
final class SarifReporter implements Reporter {
  /** The engine's fingerprint, kept so that code scanning goes on tracking existing alerts. */
  static final String FINGERPRINT_KEY = "mapvetFingerprint/v1";

  /** The fingerprint baselines match on, which ignores white space. */
  static final String FINGERPRINT_V2_KEY = "mapvetFingerprint/v2";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void write(Report report, Writer out) throws IOException {
    out.write(JSON.writeValueAsString(log(report)));
    out.write('\n');
  }

  static Sarif.Log log(Report report) {
    List<RuleInfo> rules = RuleCatalog.all();
    Map<String, Integer> ruleIndex = new HashMap<>();
    List<Sarif.ReportingDescriptor> descriptors = new ArrayList<>();
    for (RuleInfo rule : rules) {
      ruleIndex.put(rule.name(), descriptors.size());
      descriptors.add(descriptor(rule));
    }
    Sarif.ToolComponent driver =
        new Sarif.ToolComponent(
            "mapvet",
            report.toolVersion(),
            semanticVersion(report.toolVersion()),
            RuleCatalog.MAPVET_DOCS_URL,
            descriptors);
    List<Sarif.Result> results = new ArrayList<>();
    for (LintFinding finding : report.findings()) {
      results.add(
          result(
              finding,
              ruleIndex.get(finding.rule()),
              report.workingDir(),
              report.legacyFingerprint(finding)));
    }
    List<Sarif.Notification> notifications = new ArrayList<>();
    for (Diagnostic diagnostic : report.diagnostics()) {
      notifications.add(notification(diagnostic, report.workingDir()));
    }
    Sarif.Run run =
        new Sarif.Run(
            new Sarif.Tool(driver),
            List.of(new Sarif.Invocation(report.executionSuccessful(), notifications)),
            Map.of(
                Sarif.SRCROOT, new Sarif.ArtifactLocation(directoryUri(report.workingDir()), null)),
            "utf16CodeUnits",
            results);
    return new Sarif.Log(Sarif.SCHEMA_URI, Sarif.VERSION, List.of(run));
  }

  private static Sarif.ReportingDescriptor descriptor(RuleInfo rule) {
    String page = RuleDocs.page(rule.name()).orElse(null);
    String fullDescription = RuleDocs.firstParagraph(rule.name()).orElse(rule.summary());
    return new Sarif.ReportingDescriptor(
        rule.name(),
        rule.name(),
        Sarif.MultiformatMessageString.plain(rule.summary()),
        Sarif.MultiformatMessageString.plain(fullDescription),
        // The page is Markdown; its plain-text form is the description and a link to it.
        page == null
            ? null
            : new Sarif.MultiformatMessageString(fullDescription + " See " + rule.helpUri(), page),
        rule.helpUri(),
        new Sarif.ReportingConfiguration(rule.enabledByDefault(), level(rule.severity())),
        new Sarif.PropertyBag(List.of("concurrency", "java")));
  }

  private static Sarif.Result result(
      LintFinding finding, Integer ruleIndex, Path workingDir, String legacyFingerprint) {
    int startLine = Math.max(1, finding.line());
    int startColumn = Math.max(1, finding.column());
    int endLine = Math.max(startLine, finding.endLine());
    // mapvet's end column is inclusive, SARIF's exclusive.
    int endColumn = finding.endColumn() + 1;
    if (endLine == startLine && endColumn <= startColumn) {
      endColumn = startColumn + 1;
    }
    Sarif.Region region = new Sarif.Region(startLine, startColumn, endLine, endColumn);
    return new Sarif.Result(
        finding.rule(),
        ruleIndex,
        level(finding.severity()),
        new Sarif.Message(finding.message()),
        List.of(location(finding.file(), region, workingDir)),
        new TreeMap<>(
            Map.of(FINGERPRINT_KEY, legacyFingerprint, FINGERPRINT_V2_KEY, finding.fingerprint())),
        finding.suggestions().isEmpty() ? null : new Sarif.ResultProperties(finding.suggestions()));
  }

  private static Sarif.Notification notification(Diagnostic diagnostic, Path workingDir) {
    Sarif.Region region =
        diagnostic.line() > 0
            ? new Sarif.Region(diagnostic.line(), Math.max(1, diagnostic.column()), null, null)
            : null;
    return new Sarif.Notification(
        diagnostic.isError()
            ? "error"
            : diagnostic.kind() == Diagnostic.Kind.WARNING ? "warning" : "note",
        new Sarif.Message(diagnostic.kind().label() + ": " + diagnostic.message()),
        List.of(location(diagnostic.file(), region, workingDir)));
  }

  /** A relative path becomes a relative URI under %SRCROOT%; an absolute one a file: URI. */
  private static Sarif.Location location(String file, Sarif.Region region, Path workingDir) {
    Path path = Path.of(file);
    Sarif.ArtifactLocation artifact =
        path.isAbsolute()
            ? new Sarif.ArtifactLocation(path.toUri().toString(), null)
            : new Sarif.ArtifactLocation(relativeUri(file), Sarif.SRCROOT);
    return new Sarif.Location(new Sarif.PhysicalLocation(artifact, region));
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

  private static String level(String severity) {
    switch (severity) {
      case "error":
        return "error";
      case "warning":
        return "warning";
      default:
        return "note";
    }
  }

  /** SARIF's semanticVersion must be SemVer; a version that is not is left out. */
  private static String semanticVersion(String version) {
    return version.matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?") ? version : null;
  }
}
