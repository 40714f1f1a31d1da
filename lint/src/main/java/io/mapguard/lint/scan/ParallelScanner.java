package io.mapguard.lint.scan;

import io.mapguard.lint.source.NestingLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the per-file path over all files on {@code jobs} threads. Analyzers are not thread-safe and
 * are costly to set up (type solvers, caches), so each worker thread makes one and keeps it.
 * Results come back in input order whatever order the files finish in.
 */
public final class ParallelScanner {
  private static final long PROGRESS_TICK_MILLIS = 200;

  private final int jobs;
  private final WorkerSetup setup;
  private final ProgressLine progress;

  /** Makes one worker's processor; called once on each worker thread. */
  @FunctionalInterface
  public interface WorkerSetup {
    FileProcessor create() throws IOException;
  }

  public ParallelScanner(int jobs, WorkerSetup setup, ProgressLine progress) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
    }
    this.jobs = jobs;
    this.setup = setup;
    this.progress = progress;
  }

  /**
   * @throws IOException when a worker cannot set up its analyzer (e.g. an unreadable classpath
   *     jar, or any error thrown while setting it up): then no file can be analysed
   */
  public List<FileOutcome> scan(List<InputFile> files) throws IOException, InterruptedException {
    if (files.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(jobs, files.size()), new WorkerThreads());
    ThreadLocal<FileProcessor> processors =
        ThreadLocal.withInitial(
            () -> {
              try {
                return setup.create();
              } catch (IOException | RuntimeException | Error e) {
                throw new SetupFailure(e);
              }
            });
    try {
      CompletionService<Indexed> completion = new ExecutorCompletionService<>(pool);
      for (int i = 0; i < files.size(); i++) {
        InputFile file = files.get(i);
        int index = i;
        completion.submit(() -> new Indexed(index, processSafely(processors.get(), file)));
      }
      FileOutcome[] outcomes = new FileOutcome[files.size()];
      int done = 0;
      int findings = 0;
      while (done < files.size()) {
        Future<Indexed> next = completion.poll(PROGRESS_TICK_MILLIS, TimeUnit.MILLISECONDS);
        if (next != null) {
          Indexed result = resultOf(next);
          outcomes[result.index()] = result.outcome();
          done++;
          findings += result.outcome().findings().size();
        }
        progress.update(done, files.size(), findings);
      }
      return new ArrayList<>(Arrays.asList(outcomes));
    } finally {
      progress.finish();
      pool.shutdownNow();
    }
  }

  /**
   * A last safety net: the processor already turns every failure into a diagnostic. Whatever
   * escaped a worker would otherwise end the whole scan.
   */
  private static FileOutcome processSafely(FileProcessor processor, InputFile file) {
    try {
      return processor.process(file);
    } catch (RuntimeException | Error e) {
      return FileOutcome.failed(
          file.displayPath(),
          Diagnostic.ofFile(
              file.displayPath(),
              Diagnostic.Kind.INTERNAL_ERROR,
              "mapvet failed on this file (" + e + "), please report"));
    }
  }

  private static Indexed resultOf(Future<Indexed> future) throws IOException, InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SetupFailure failure) {
        throw failure.asIOException();
      }
      if (e.getCause() instanceof Error error) {
        // e.g. no heap left even to record the failure; the entry point turns it into exit code 2
        throw error;
      }
      throw new IllegalStateException("a scan worker failed", e.getCause());
    }
  }

  private record Indexed(int index, FileOutcome outcome) {}

  /**
   * Carries a worker's setup failure out of the {@link ThreadLocal} initializer. Any failure there,
   * an Error included, means no file can be analysed: the run stops with exit code 2.
   */
  private static final class SetupFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SetupFailure(Throwable cause) {
      super(cause);
    }

    IOException asIOException() {
      return getCause() instanceof IOException io
          ? io
          : new IOException(String.valueOf(getCause()), getCause());
    }
  }

  /**
   * Daemon threads, so that an interrupted scan never keeps the JVM alive, with a stack large
   * enough for the deepest file {@link NestingLimits} lets through: the parser and the analysis
   * recurse over the syntax tree, and the default stack (1 MB) overflowed on 415 nested calls that
   * javac compiles. 128 MB held files at those limits with the JIT compiler off (the largest
   * frames); this is twice that. It is address space: only the pages a deep file touches are used.
   */
  private static final class WorkerThreads implements ThreadFactory {
    static final long STACK_BYTES = 256L * 1024 * 1024;

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread =
          new Thread(null, task, "mapvet-worker-" + count.incrementAndGet(), STACK_BYTES);
      thread.setDaemon(true);
      return thread;
    }
  }
}
