package io.mapguard.lint.baseline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mapguard.lint.frontend.LintFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accepted findings, matched by fingerprint. Fingerprints carry no line numbers, so a baseline
 * survives edits elsewhere in a file; findings on new code are not in it and fail the gate.
 */
public final class Baseline {
  /** Bumped if the file layout ever changes incompatibly. */
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Set<String> fingerprints;

  private Baseline(Set<String> fingerprints) {
    this.fingerprints = Set.copyOf(fingerprints);
  }

  public static Baseline empty() {
    return new Baseline(Set.of());
  }

  /** The file's on-disk shape. */
  @JsonPropertyOrder({"tool", "format", "findings"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  record BaselineFile(
      @JsonProperty("tool") String tool,
      @JsonProperty("format") int format,
      @JsonProperty("findings") List<BaselineEntry> findings) {}

  public static Baseline read(Path file) throws BaselineException {
    BaselineFile parsed;
    try {
      parsed = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), BaselineFile.class);
    } catch (NoSuchFileException e) {
      throw new BaselineException(file + ": no such file (create it with --write-baseline)");
    } catch (JsonProcessingException e) {
      throw new BaselineException(
          file + ": not a mapvet baseline (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new BaselineException(file + ": cannot read (" + e + ")");
    }
    if (parsed == null || parsed.findings() == null) {
      throw new BaselineException(file + ": not a mapvet baseline (no \"findings\" list)");
    }
    if (parsed.format() > FORMAT_VERSION) {
      throw new BaselineException(
          file
              + ": baseline format "
              + parsed.format()
              + " is newer than this mapvet understands ("
              + FORMAT_VERSION
              + ")");
    }
    Set<String> fingerprints = new HashSet<>();
    for (BaselineEntry entry : parsed.findings()) {
      if (entry.fingerprint() != null) {
        fingerprints.add(entry.fingerprint());
      }
    }
    return new Baseline(fingerprints);
  }

  /**
   * Writes {@code findings} as a baseline: one entry per fingerprint, sorted by file, rule and
   * fingerprint, so that regenerating it gives a minimal diff.
   */
  public static void write(Path file, List<LintFinding> findings) throws BaselineException {
    Map<String, BaselineEntry> byFingerprint = new LinkedHashMap<>();
    for (LintFinding finding : findings) {
      byFingerprint.putIfAbsent(
          finding.fingerprint(),
          new BaselineEntry(
              finding.fingerprint(),
              finding.rule(),
              finding.file().replace('\\', '/'),
              finding.message()));
    }
    List<BaselineEntry> entries = new ArrayList<>(byFingerprint.values());
    entries.sort(
        Comparator.comparing(BaselineEntry::file)
            .thenComparing(BaselineEntry::rule)
            .thenComparing(BaselineEntry::fingerprint));
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    try {
      String json =
          JSON.writer(printer)
              .writeValueAsString(new BaselineFile("mapvet", FORMAT_VERSION, entries));
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BaselineException(file + ": cannot write (" + e + ")");
    }
  }

  public boolean contains(LintFinding finding) {
    return fingerprints.contains(finding.fingerprint());
  }

  public int size() {
    return fingerprints.size();
  }
}
