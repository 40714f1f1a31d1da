package io.mapguard.lint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRootViewsTest {
  @TempDir Path dir;

  @Test
  void aViewLinksPackagesAndTopLevelSourcesButNoModuleInfo() throws IOException {
    Path root = dir.resolve("src");
    Files.createDirectories(root.resolve("com/acme"));
    Files.writeString(root.resolve("com/acme/A.java"), "package com.acme; class A {}");
    Files.writeString(root.resolve("Top.java"), "class Top {}");
    Files.writeString(root.resolve("module-info.java"), "module m {}");
    Files.writeString(root.resolve("notes.txt"), "not source");
    Path temporary = Files.createDirectories(dir.resolve("tmp"));
    List<Diagnostic> diagnostics = new ArrayList<>();

    try (SourceRootViews views = SourceRootViews.create(List.of(root), temporary, diagnostics)) {
      Path view = views.roots().get(0);
      assertTrue(view.startsWith(temporary), view.toString());
      assertEquals(List.of("Top.java", "com"), names(view));
      assertTrue(Files.isSymbolicLink(view.resolve("com")));
      assertEquals(
          "package com.acme; class A {}", Files.readString(view.resolve("com/acme/A.java")));
    }

    assertEquals(List.of(), diagnostics);
    assertEquals(List.of(), names(temporary), "the views are deleted");
    assertEquals(List.of("Top.java", "com", "module-info.java", "notes.txt"), names(root));
    assertTrue(Files.exists(root.resolve("com/acme/A.java")), "what the links point to is kept");
  }

  @Test
  void aRootThatCannotBeListedIsLeftOutWithAWarning() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    List<Diagnostic> diagnostics = new ArrayList<>();

    try (SourceRootViews views =
        SourceRootViews.create(List.of(notADirectory), dir, diagnostics)) {
      assertEquals(List.of(), views.roots());
    }

    assertEquals(1, diagnostics.size());
    assertEquals(Diagnostic.Kind.WARNING, diagnostics.get(0).kind());
    assertTrue(
        diagnostics.get(0).message().startsWith("source root cannot be listed ("),
        diagnostics.get(0).message());
    assertFalse(
        Files.exists(dir.resolve("file"), LinkOption.NOFOLLOW_LINKS)
            && !Files.isRegularFile(dir.resolve("file")));
  }

  @Test
  void withoutATemporaryDirectoryTheRealRootsAreUsed() {
    Path root = dir.resolve("src");
    List<Diagnostic> diagnostics = new ArrayList<>();

    try (SourceRootViews views =
        SourceRootViews.create(List.of(root), dir.resolve("missing/tmp"), diagnostics)) {
      assertEquals(List.of(root), views.roots());
    }
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
