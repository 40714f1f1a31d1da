package io.mapguard.lint.lsp;

import io.mapguard.engine.report.FixHint;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fix as mapvet's reports carry it, read back into the engine's terms. mapvet's findings hold
 * the engine's fix hints as the sentences of {@link FixHint#suggestion} (what the text, JSON and
 * SARIF reports print); the server turns those it can into edits, so it reads each sentence back
 * into its kind and parameters. {@code FixSuggestionTest} writes every kind with {@link
 * FixHint#suggestion} and reads it back here, so the two cannot drift apart unnoticed.
 *
 * @param subject the map's name (for the kinds whose sentence names it), else null
 */
record FixSuggestion(FixHint.Kind kind, String lock, String detail, String subject) {
  private record Form(FixHint.Kind kind, Pattern pattern) {}

  private static final List<Form> FORMS =
      List.of(
          new Form(
              FixHint.Kind.WRAP_SYNCHRONIZED,
              Pattern.compile("Wrap the statement in synchronized \\((?<lock>.+)\\) \\{ … \\}\\.")),
          new Form(
              FixHint.Kind.EXTEND_SYNCHRONIZED,
              Pattern.compile(
                  "Move the statement to the end of the synchronized \\((?<lock>.+)\\) block at"
                      + " line (?<detail>\\d+), so that nothing changes the map between the two\\.")),
          new Form(
              FixHint.Kind.ADD_GUARDED_BY,
              Pattern.compile(
                  "Annotate '(?<subject>.+)' with @GuardedBy\\(\"(?<lock>.+)\"\\) \\((?<detail>[\\w.$]+),"
                      + " (?:from the .+ dependency|already used in this file)\\)\\.")),
          new Form(
              FixHint.Kind.USE_CONCURRENT_HASH_MAP,
              Pattern.compile("Create '(?<subject>.+)' as a ConcurrentHashMap\\.")),
          new Form(
              FixHint.Kind.COMPUTE_IF_ABSENT,
              Pattern.compile(
                  "Replace the check and the put by (?<subject>.+)\\.computeIfAbsent\\(key, k ->"
                      + " value\\)\\.")),
          new Form(
              FixHint.Kind.MERGE,
              Pattern.compile(
                  "Replace the put by (?<subject>.+)\\.merge\\(key, n, (?<lock>.+)\\) \\(same result"
                      + " when getOrDefault's default is 0\\)\\.")),
          new Form(
              FixHint.Kind.USE_SIZED_FACTORY,
              Pattern.compile("Create the map with (?<lock>.+)\\(n\\) \\(JDK 19\\+\\)\\.")));

  /** The fix a suggestion sentence describes, or empty for a sentence of no known form. */
  static Optional<FixSuggestion> parse(String sentence) {
    for (Form form : FORMS) {
      Matcher matcher = form.pattern().matcher(sentence);
      if (matcher.matches()) {
        return Optional.of(
            new FixSuggestion(
                form.kind(),
                group(matcher, "lock"),
                group(matcher, "detail"),
                group(matcher, "subject")));
      }
    }
    return Optional.empty();
  }

  private static String group(Matcher matcher, String name) {
    return matcher.pattern().pattern().contains("(?<" + name + ">") ? matcher.group(name) : null;
  }
}
