package io.mapguard.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Hands what mapvet prints to a consumer one line at a time (UTF-8, without the line break), so
 * that each line becomes one entry of the Maven log.
 */
final class LineOutputStream extends OutputStream {
  private final Consumer<String> lines;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  LineOutputStream(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      pending.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    int start = offset;
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == '\n') {
        pending.write(bytes, start, i - start);
        emit();
        start = i + 1;
      }
    }
    pending.write(bytes, start, offset + length - start);
  }

  /** A last line without a line break is still a line. */
  @Override
  public synchronized void close() {
    if (pending.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String line = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    lines.accept(line);
  }
}
