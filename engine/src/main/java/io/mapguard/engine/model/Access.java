package io.mapguard.engine.model;

import java.util.Objects;
import java.util.Set;

/**
 * One use of a map field.
 *
 * @param method the map (or view) method called, e.g. {@code put}, or null for a plain reference
 * @param locksHeld locks held at the access inside its unit (entry locks are added by the engine)
 * @param order the access's position inside its unit, to order accesses in one method
 * @param freshValue for {@link Effect#ASSIGN}: the value is a newly created map
 * @param nullArgument a literal null is passed as key or value; for {@link Effect#ASSIGN}, the field
 *     is assigned the literal null (a reset, which creates no map for later writes to fill)
 * @param call the syntax around the call, for the per-method rules; {@link MapCall#NONE} if none
 * @param holder the object whose field this is, when the unit holds it itself; null for {@code
 *     this}, a static field, or an object reached any other way
 * @param inNullBranch made inside {@code if (f == null)} of its own map {@code f}: for {@link
 *     Effect#ASSIGN}, a lazy creation, after which only the writes of that branch fill the new map
 *     (those after it run on every call, on whichever map exists by then)
 * @param readingWrite for a read that changes the map (a WeakHashMap's, an access-ordered
 *     LinkedHashMap's get), whose {@code effect} is therefore {@link Effect#WRITE}: what it reads as
 *     and why it writes; else null
 * @param calleeMonitor the map's own monitor when the access is a call of a {@code synchronized}
 *     method of the map's class (a project's map subclass), which holds it while it runs; else null.
 *     Not among {@code locksHeld}: the class whose code makes the access does not take it, so it
 *     guards this map without being the class's evidence of threads
 */
public record Access(
    MapField field,
    Effect effect,
    String method,
    Site site,
    CodeUnit unit,
    Set<LockRef> locksHeld,
    int order,
    boolean freshValue,
    boolean nullArgument,
    MapCall call,
    Holder holder,
    boolean inNullBranch,
    ReadingWrite readingWrite,
    LockRef calleeMonitor) {

  /**
   * From the field, the unit and the position only: the analysis asks sets of accesses whether
   * they hold one, and the record's own hash went through the site, the call's description and the
   * locks each time, and is linked through method handles at its first call (see {@link
   * CodeUnit#equals}). Equal accesses still hash alike (these are among the fields equality
   * compares).
   */
  @Override
  public int hashCode() {
    return 31 * (31 * Objects.hashCode(field) + Objects.hashCode(unit)) + order;
  }

  /**
   * What the access does, as messages say it after the field's name: {@code written}, or for a read
   * that writes {@code read (get on a LinkedHashMap in access order moves the entry to the end, so it
   * writes)}.
   */
  public String verb() {
    return readingWrite == null
        ? effect.verb()
        : readingWrite.asRead().verb() + " (" + readingWrite.why() + ", so it writes)";
  }

  /**
   * The same, briefly, for evidence and lists of other accesses: {@code written}, {@code read and so
   * written}.
   */
  public String briefVerb() {
    return readingWrite == null ? effect.verb() : readingWrite.asRead().verb() + " and so written";
  }
}
