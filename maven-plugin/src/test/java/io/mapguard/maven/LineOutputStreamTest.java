package io.mapguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineOutputStreamTest {
  @Test
  void eachLineOnceWithoutItsBreakAndTheLastOneOnClose() {
    List<String> lines = new ArrayList<>();
    try (PrintStream out = new PrintStream(new LineOutputStream(lines::add), true, StandardCharsets.UTF_8)) {
      out.print("a:1:2: first [Rule]\n\tsuggested fix: x\r\n");
      out.print("spl");
      out.print("it\n\nnon-ASCII: \u2026 caf\u00e9\n");
      out.print("no break at the end");
    }
    assertEquals(
        List.of(
            "a:1:2: first [Rule]",
            "\tsuggested fix: x",
            "split",
            "",
            "non-ASCII: \u2026 caf\u00e9",
            "no break at the end"),
        lines);
  }
}
