package io.mapguard.lint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRootDetectorTest {
  @TempDir Path dir;

  @Test
  void packageNameSkipsCommentsAndAnnotations() {
    assertEquals(
        Optional.of("com.acme.web"),
        SourceRootDetector.packageName(
            "/* license\n package not.this; */\n// x\n@Deprecated\npackage com . acme.web ;\n"));
    assertEquals(
        Optional.empty(), SourceRootDetector.packageName("import java.util.Map;\nclass A {}"));
    assertEquals(
        Optional.empty(), SourceRootDetector.packageName("class A { String s = \"package x;\"; }"));
  }

  @Test
  void rootIsTheDirectoryMinusThePackagePath() {
    Path file = dir.resolve("src/main/java/com/acme/A.java");

    assertEquals(
        Optional.of(dir.resolve("src/main/java")),
        SourceRootDetector.rootOf(file, "package com.acme;"));
    assertEquals(
        Optional.of(dir.resolve("src/main/java/com/acme")),
        SourceRootDetector.rootOf(file, "class A {}"));
    assertEquals(Optional.empty(), SourceRootDetector.rootOf(file, "package org.other;"));
  }

  @Test
  void detectReturnsDistinctSortedRoots() throws IOException {
    Path a = write("app/src/com/acme/A.java", "package com.acme;\nclass A {}");
    Path b = write("app/src/com/acme/util/B.java", "package com.acme.util;\nclass B {}");
    Path c = write("lib/src/org/x/C.java", "package org.x;\nclass C {}");

    List<Path> roots =
        SourceRootDetector.detect(
            List.of(
                new InputFile(c, "c"),
                new InputFile(a, "a"),
                new InputFile(b, "b"),
                new InputFile(dir.resolve("gone/D.java"), "d")));

    assertEquals(List.of(dir.resolve("app/src"), dir.resolve("lib/src")), roots);
  }

  @Test
  void aMisplacedOrPackagelessFileDoesNotSettleItsDirectory() throws IOException {
    Path misplaced = write("src/com/acme/M.java", "package org.other;\nclass M {}");
    Path packageless = write("src/com/acme/N.java", "class N {}");
    Path placed = write("src/com/acme/A.java", "package com.acme;\nclass A {}");

    assertEquals(
        List.of(dir.resolve("src"), dir.resolve("src/com/acme")),
        SourceRootDetector.detect(
            List.of(new InputFile(misplaced, "m"), new InputFile(packageless, "n"), new InputFile(placed, "a"))));
  }

  @Test
  void oneFileWithAPackageSettlesItsDirectory() throws IOException {
    Path placed = write("src/com/acme/A.java", "package com.acme;\nclass A {}");
    Path packageless = write("src/com/acme/N.java", "class N {}");

    assertEquals(
        List.of(dir.resolve("src")),
        SourceRootDetector.detect(List.of(new InputFile(placed, "a"), new InputFile(packageless, "n"))));
  }

  @Test
  void aPackageDeclarationAfterALongLicenceIsStillFound() throws IOException {
    // longer than the first read of a file's head
    String licence = "/*\n" + " * Licensed under the terms of a long licence text.\n".repeat(200) + " */\n";
    Path a = write("src/com/acme/A.java", licence + "package com.acme;\nclass A {}");
    Path b = write("src/com/acme/B.java", "\uFEFF" + licence + "package com.acme;\nclass B {}");

    assertEquals(
        List.of(dir.resolve("src")),
        SourceRootDetector.detect(List.of(new InputFile(a, "a"), new InputFile(b, "b"))));
  }

  /** The old pattern matched the annotations by recursion: thousands overflowed the stack. */
  @Test
  void thousandsOfAnnotationsBeforeThePackageDoNotOverflowTheStack() throws IOException {
    Path a = write("src/com/acme/A.java", "@A\n".repeat(15_000) + "package com.acme;\nclass A {}");

    assertEquals(List.of(dir.resolve("src")), SourceRootDetector.detect(List.of(new InputFile(a, "a"))));
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
