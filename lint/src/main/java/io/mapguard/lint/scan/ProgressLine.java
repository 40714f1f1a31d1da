package io.mapguard.lint.scan;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on stderr, redrawn in place with {@code \r}. Shown only on a terminal
 * and only once the scan has run for a while: short scans and CI logs stay free of it.
 */
public final class ProgressLine {
  static final long DELAY_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final PrintStream err;
  private final boolean enabled;
  private final LongSupplier nanoClock;
  private final long start;
  private long lastDrawn = Long.MIN_VALUE;
  private int drawnWidth;

  /**
   * @param enabled whether stderr is a terminal
   */
  public ProgressLine(PrintStream err, boolean enabled, LongSupplier nanoClock) {
    this.err = err;
    this.enabled = enabled;
    this.nanoClock = nanoClock;
    this.start = nanoClock.getAsLong();
  }

  public static ProgressLine disabled(PrintStream err) {
    return new ProgressLine(err, false, System::nanoTime);
  }

  public void update(int done, int total, int findings) {
    if (!enabled) {
      return;
    }
    long now = nanoClock.getAsLong();
    if (now - start < DELAY_NANOS || (drawnWidth > 0 && now - lastDrawn < REDRAW_NANOS)) {
      return;
    }
    String text =
        "mapvet: "
            + done
            + "/"
            + total
            + " files, "
            + findings
            + (findings == 1 ? " finding" : " findings");
    // Pad over the previous text: the new line can be shorter than the old one.
    err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
    err.flush();
    drawnWidth = text.length();
    lastDrawn = now;
  }

  /** Erases the line, so that what follows starts on a clean line. */
  public void finish() {
    if (drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }
}
