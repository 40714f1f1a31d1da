package io.mapguard.lint.baseline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mapguard.lint.analysis.LintFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accepted findings, matched by fingerprint. Fingerprints carry no line numbers and, from format 2
 * on, no white space, so a baseline survives edits elsewhere in a file and reformatting; findings
 * on new code are not in it and fail the gate.
 *
 * <p>Format 1 baselines hold the engine's fingerprints, which collapsed white space but kept it:
 * they are still read, and matched on those fingerprints, so that upgrading mapvet makes no old
 * entry "new"; writing a baseline always writes format 2.
 */
public final class Baseline {
  /** Format 2: fingerprints from {@link SourceFingerprints}, messages without line numbers. */
  static final int FORMAT_VERSION = 2;

  /** The format whose fingerprints are the engine's, matched through the legacy fingerprints. */
  private static final int ENGINE_FINGERPRINT_FORMAT = 1;

  /** "line 42", "lines 3 and 5": numbers that change whenever code above them does. */
  private static final Pattern LINE_NUMBERS =
      Pattern.compile("\\b(lines?) \\d+(?:(?:, | and | or )\\d+)*");

  /**
   * Jackson, made when a baseline is read or written: its start-up (some 30 ms of class loading
   * and date-format set-up) is not paid by the runs without one.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final int format;
  private final List<BaselineEntry> entries;

  private Baseline(int format, List<BaselineEntry> entries) {
    this.format = format;
    this.entries = List.copyOf(entries);
  }

  public static Baseline empty() {
    return new Baseline(FORMAT_VERSION, List.of());
  }

  /** The file's on-disk shape. */
  @JsonPropertyOrder({"tool", "format", "findings"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  record BaselineFile(
      @JsonProperty("tool") String tool,
      @JsonProperty("format") int format,
      @JsonProperty("findings") List<BaselineEntry> findings) {}

  public static Baseline read(Path file) throws BaselineException {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      // A FIFO would block and a device (/dev/zero) fill the heap before any JSON error.
      throw new BaselineException(file + ": not a regular file");
    }
    BaselineFile parsed;
    try {
      parsed = Json.MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), BaselineFile.class);
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
    List<BaselineEntry> entries = new ArrayList<>();
    for (BaselineEntry entry : parsed.findings()) {
      if (entry != null && entry.fingerprint() != null) {
        entries.add(entry);
      }
    }
    return new Baseline(Math.max(parsed.format(), ENGINE_FINGERPRINT_FORMAT), entries);
  }

  /**
   * Writes {@code findings} as a baseline in the current format: one entry per fingerprint, sorted
   * by file, rule and fingerprint, messages without line numbers, so that regenerating it after
   * unrelated edits gives no diff.
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
              withoutLineNumbers(finding.message())));
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
          Json.MAPPER.writer(printer)
              .writeValueAsString(new BaselineFile("mapvet", FORMAT_VERSION, entries));
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      // never through a link that appeared since the run checked its targets
      Files.writeString(
          file,
          json + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new BaselineException(file + ": cannot write (" + e + ")");
    }
  }

  /** {@code (e.g. line 15)} becomes {@code (e.g. line …)}. */
  static String withoutLineNumbers(String message) {
    return LINE_NUMBERS.matcher(message).replaceAll("$1 …");
  }

  /** Whether this baseline was written before fingerprints ignored white space. */
  public boolean isLegacyFormat() {
    return format == ENGINE_FINGERPRINT_FORMAT;
  }

  /**
   * The findings the baseline does not accept, and its entries that accept none.
   *
   * @param unmatched the findings to report
   * @param matched how many findings the baseline accepted
   * @param unused entries no finding matched: fixed, changed, or in files this run did not scan
   */
  public record Matching(List<LintFinding> unmatched, int matched, List<BaselineEntry> unused) {}

  /**
   * @param legacyFingerprints each finding's format 1 fingerprint, by its fingerprint, where they
   *     differ (see {@link SourceFingerprints})
   */
  public Matching match(List<LintFinding> findings, Map<String, String> legacyFingerprints) {
    Set<String> accepted = new HashSet<>();
    entries.forEach(entry -> accepted.add(entry.fingerprint()));
    Set<String> used = new HashSet<>();
    List<LintFinding> unmatched = new ArrayList<>();
    for (LintFinding finding : findings) {
      String key =
          isLegacyFormat()
              ? legacyFingerprints.getOrDefault(finding.fingerprint(), finding.fingerprint())
              : finding.fingerprint();
      if (accepted.contains(key)) {
        used.add(key);
      } else {
        unmatched.add(finding);
      }
    }
    List<BaselineEntry> unused = new ArrayList<>();
    for (BaselineEntry entry : entries) {
      if (!used.contains(entry.fingerprint())) {
        unused.add(entry);
      }
    }
    return new Matching(unmatched, findings.size() - unmatched.size(), unused);
  }

  public int size() {
    return entries.size();
  }
}
