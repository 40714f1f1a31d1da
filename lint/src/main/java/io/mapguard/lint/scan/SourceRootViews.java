package io.mapguard.lint.scan;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The source roots as the type solver gets them: for each root, a directory of symbolic links to
 * the root's packages and top-level files. JavaParser's source type solver walks its whole root
 * when it is created, parsing every {@code module-info.java} it finds, before any file is analysed
 * and outside any per-file guard: one unreadable directory or one pathological {@code
 * module-info.java} anywhere under the root, even far from the paths given, stopped the scan, and
 * a file in the default package made its directory (a home directory, {@code /tmp}) the root to
 * walk. Its walk does not follow links, so on a view it lists one directory; the lookups of the
 * tree's own types still go through the links into the real root, lazily, file by file, inside the
 * analysis of the file that needs them. No {@code module-info.java} is linked: mapvet resolves
 * nothing by module.
 *
 * <p>Where links cannot be made (no temporary directory, a file system without links), the real
 * root is used, as before.
 */
public final class SourceRootViews implements AutoCloseable {
  private static final String MODULE_INFO = "module-info.java";

  private final List<Path> roots;
  /** Everything this made, in creation order, so that closing deletes exactly that. */
  private final List<Path> created;

  private SourceRootViews(List<Path> roots, List<Path> created) {
    this.roots = List.copyOf(roots);
    this.created = created;
  }

  /**
   * @param realRoots absolute source roots
   * @param temporaryParent where the views go; the system's temporary directory in a run
   * @param diagnostics receives a warning for a root that cannot be listed (it is left out)
   */
  public static SourceRootViews create(
      List<Path> realRoots, Path temporaryParent, List<Diagnostic> diagnostics) {
    List<Path> created = new ArrayList<>();
    List<Path> roots = new ArrayList<>();
    Path base;
    try {
      base = Files.createTempDirectory(temporaryParent, "mapvet-roots-");
      created.add(base);
    } catch (IOException | RuntimeException e) {
      return new SourceRootViews(realRoots, created);
    }
    for (int i = 0; i < realRoots.size(); i++) {
      Path root = realRoots.get(i);
      try {
        roots.add(view(root, base.resolve("root" + i), created));
      } catch (LinksUnsupported e) {
        roots.add(root);
      } catch (IOException | RuntimeException e) {
        diagnostics.add(
            Diagnostic.ofFile(
                root.toString(),
                Diagnostic.Kind.WARNING,
                "source root cannot be listed ("
                    + e.getMessage()
                    + "); types declared under it are not resolved"));
      }
    }
    return new SourceRootViews(roots, created);
  }

  /** The roots to give the analyzers: views where they could be made. */
  public List<Path> roots() {
    return roots;
  }

  private static Path view(Path root, Path view, List<Path> created) throws IOException {
    Files.createDirectory(view);
    created.add(view);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.equals(MODULE_INFO) || !(name.endsWith(".java") || Files.isDirectory(entry))) {
          continue;
        }
        Path link = view.resolve(name);
        try {
          Files.createSymbolicLink(link, entry);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
          // e.g. Windows without the right to make links: a partial view would hide types
          throw new LinksUnsupported();
        }
        created.add(link);
      }
    }
    return view;
  }

  /** Deletes the views: the links themselves, never what they point to. */
  @Override
  public void close() {
    List<Path> reversed = new ArrayList<>(created);
    Collections.reverse(reversed);
    for (Path path : reversed) {
      try {
        Files.deleteIfExists(path); // on a link, removes the link
      } catch (IOException | RuntimeException e) {
        // Left in the temporary directory; nothing depends on it.
      }
    }
  }

  /** A link cannot be made here: use the real root. */
  private static final class LinksUnsupported extends IOException {
    private static final long serialVersionUID = 1L;

    LinksUnsupported() {
      super("cannot make symbolic links");
    }
  }
}
