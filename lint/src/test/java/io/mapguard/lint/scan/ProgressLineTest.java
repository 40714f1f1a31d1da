package io.mapguard.lint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong clock = new AtomicLong();

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void silentWhenNotATerminal() {
    ProgressLine progress = new ProgressLine(err, false, clock::get);
    clock.addAndGet(TimeUnit.SECONDS.toNanos(10));

    progress.update(1, 2, 3);
    progress.finish();

    assertEquals("", printed());
  }

  @Test
  void silentDuringTheFirstTwoSeconds() {
    ProgressLine progress = new ProgressLine(err, true, clock::get);
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1999));

    progress.update(1, 2, 0);
    progress.finish();

    assertEquals("", printed());
  }

  @Test
  void redrawsInPlaceAndErasesAtTheEnd() {
    ProgressLine progress = new ProgressLine(err, true, clock::get);
    clock.addAndGet(TimeUnit.SECONDS.toNanos(3));
    progress.update(10, 200, 12);
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
    progress.update(11, 200, 12); // too soon: not drawn
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
    progress.update(200, 200, 1);
    progress.finish();

    String first = "mapvet: 10/200 files, 12 findings";
    String second = "mapvet: 200/200 files, 1 finding";
    assertEquals(
        "\r"
            + first
            + "\r"
            + second
            + " ".repeat(first.length() - second.length())
            + "\r"
            + " ".repeat(second.length())
            + "\r",
        printed());
  }
}
