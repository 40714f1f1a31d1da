package io.mapguard.engine.analysis;

import io.mapguard.engine.model.ThreadRoot;
import java.util.Set;

/**
 * Why a field is reached by several threads.
 *
 * @param roots every root its accesses after construction run on
 * @param classEvidence "the class is annotated @ThreadSafe", "a Spring @Service singleton", or null
 */
public record Sharing(Set<ThreadRoot> roots, String classEvidence) {}
