package io.mapguard.lint.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One edit of a fix: the text from {@code startLine}:{@code startCharacter} to {@code
 * endLine}:{@code endCharacter} (0-based lines, 0-based UTF-16 columns, end exclusive, as LSP
 * counts; JavaParser counts a tab as one column too) becomes {@code newText}. An empty range is an
 * insertion. SARIF's regions are the same positions plus one.
 */
public record Edit(int startLine, int startCharacter, int endLine, int endCharacter, String newText) {

  /**
   * {@code text} with {@code edits} applied: edits of one fix never overlap, and those at the same
   * place are applied in their order.
   */
  public static String apply(String text, List<Edit> edits) {
    SourceText source = new SourceText(text);
    record At(int start, int end, int order, String replacement) {}
    List<At> ordered = new ArrayList<>();
    for (int i = 0; i < edits.size(); i++) {
      Edit edit = edits.get(i);
      ordered.add(
          new At(
              source.offset(new org.eclipse.lsp4j.Position(edit.startLine(), edit.startCharacter())),
              source.offset(new org.eclipse.lsp4j.Position(edit.endLine(), edit.endCharacter())),
              i,
              edit.newText()));
    }
    ordered.sort(Comparator.comparingInt(At::start).thenComparingInt(At::order));
    StringBuilder out = new StringBuilder();
    int done = 0;
    for (At at : ordered) {
      if (at.start() < done) {
        throw new IllegalArgumentException("overlapping edits: " + edits);
      }
      out.append(text, done, at.start()).append(at.replacement());
      done = at.end();
    }
    return out.append(text.substring(done)).toString();
  }
}
