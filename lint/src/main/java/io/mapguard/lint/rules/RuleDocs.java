package io.mapguard.lint.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rule pages packaged into mapvet's jar (docs/rules/*.md, plus mapvet's directive rules), for
 * {@code --explain} and SARIF help text, so that the report carries the same text as the website.
 */
public final class RuleDocs {
  private static final String RESOURCE_DIR = "/io/mapguard/lint/rules/";

  private RuleDocs() {}

  /** The Markdown page of {@code ruleName}, if one is packaged. */
  public static Optional<String> page(String ruleName) {
    if (!ruleName.matches("[A-Za-z]+")) {
      return Optional.empty();
    }
    try (InputStream in = RuleDocs.class.getResourceAsStream(RESOURCE_DIR + ruleName + ".md")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged page of " + ruleName, e);
    }
  }

  /**
   * The page's first paragraph after its title, joined into one line: the rule's full description.
   */
  public static Optional<String> firstParagraph(String ruleName) {
    return page(ruleName).map(RuleDocs::firstParagraphOf).filter(text -> !text.isEmpty());
  }

  static String firstParagraphOf(String markdown) {
    StringBuilder paragraph = new StringBuilder();
    for (String line : markdown.split("\r\n|\r|\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("#")) {
        if (paragraph.length() > 0) {
          break;
        }
        continue;
      }
      if (trimmed.isEmpty()) {
        if (paragraph.length() > 0) {
          break;
        }
        continue;
      }
      if (paragraph.length() > 0) {
        paragraph.append(' ');
      }
      paragraph.append(trimmed);
    }
    return paragraph.toString();
  }
}
