package io.mapguard.engine.project;

/**
 * A use, in a task's code, of a map field another top-level class declares and the class the task
 * is written in has inherited ({@code onHand.put(item, n)} in a lambda a subclass hands to an
 * executor, the field being its superclass's): the task reaches the map of its own object, which
 * the declaring class's methods use on their callers' threads. Only uses on the object itself are
 * kept ({@code onHand}, {@code this.onHand}, {@code super.onHand}); what a summary keeps of them too.
 *
 * @param field the field, as {@link io.mapguard.engine.model.MapField#subclassesUseAs} names it
 *     ({@code shop.Shelf#onHand})
 * @param file the file of the use, as the front end names it
 * @param write whether the use changes the map ({@code put}, {@code remove}, a write through a view)
 * @param monitorHeld some monitor is held at the use ({@code synchronized} around it, a synchronized
 *     method)
 * @param thread the task the use is written in, as messages name it ("the task submitted at
 *     Receiving.java:12")
 * @param serialExecutor the single-thread executor field the task runs on (see {@link
 *     CallSite#serialExecutor}), or null
 * @param copies why copies of the task run at once (see {@link CallSite#copies}), or null
 */
public record FieldUse(
    String field,
    String file,
    int line,
    boolean write,
    boolean monitorHeld,
    String thread,
    String serialExecutor,
    String copies) {

  /** {@code Receiving.java:12}: the use's place, for messages. */
  public String place() {
    return ProjectCall.fileName(file) + ":" + line;
  }
}
