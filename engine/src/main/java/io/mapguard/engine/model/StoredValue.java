package io.mapguard.engine.model;

/**
 * A value put into a map field: the value argument of {@code put}/{@code putIfAbsent}/{@code replace},
 * or what the function of {@code computeIfAbsent} returns.
 *
 * @param map the map field
 * @param value {@code new:<qualified type>}, {@code call:<owner>.<method>} for a static factory, or
 *     {@code type:<static type>}
 * @param line where it is stored
 */
public record StoredValue(MapField map, String value, int line) {}
