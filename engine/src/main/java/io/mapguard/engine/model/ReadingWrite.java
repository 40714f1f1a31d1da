package io.mapguard.engine.model;

/**
 * A read that changes the map's structure (see {@code ReadsThatWrite}): its access's effect is
 * {@link Effect#WRITE}; this says what it reads as, and why it writes.
 *
 * @param asRead the effect the call has on other maps: {@link Effect#READ} or {@link Effect#ITERATE}
 * @param why {@code get on a LinkedHashMap in access order moves the entry to the end}
 */
public record ReadingWrite(Effect asRead, String why) {}
