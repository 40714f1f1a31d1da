package io.mapguard.engine.report;

/**
 * A place a finding's message cites as evidence (the task that shares the map, an access that takes
 * the lock, where the guard is held), for reports that link to it (SARIF's related locations). The
 * message text is unchanged by it.
 *
 * @param line 1-based, in the finding's file
 * @param column 1-based, or 0 when only the line is known
 * @param description what the place shows, e.g. "the task submitted at line 17"
 */
public record Evidence(int line, int column, String description) {}
