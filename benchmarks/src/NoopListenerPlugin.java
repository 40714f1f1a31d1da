import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskListener;

/**
 * A javac plugin that registers an empty TaskListener and does nothing else. Its cost is javac's
 * own price for any listener-based plugin (Error Prone's included): with a listener registered,
 * javac keeps every doc comment and an end-position table for each file it parses.
 */
public final class NoopListenerPlugin implements Plugin {
  @Override
  public String getName() {
    return "NoopListener";
  }

  @Override
  public void init(JavacTask task, String... args) {
    task.addTaskListener(new TaskListener() {});
  }
}
