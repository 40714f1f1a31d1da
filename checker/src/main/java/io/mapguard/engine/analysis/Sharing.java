package io.mapguard.engine.analysis;

import io.mapguard.engine.model.ThreadRoot;
import java.util.Set;

/**
 * Why a field is reached by several threads.
 *
 * @param roots every root its accesses after construction run on
 * @param classEvidence "the class is annotated @ThreadSafe", "a Spring @Service singleton", or null
 * @param lockLine a line where a lock is held at an access (lock use is evidence), or 0
 */
public record Sharing(Set<ThreadRoot> roots, String classEvidence, int lockLine) {}
