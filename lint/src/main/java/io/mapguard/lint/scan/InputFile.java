package io.mapguard.lint.scan;

import java.nio.file.Path;

/**
 * A file to analyse.
 *
 * @param path absolute and normalised
 * @param displayPath as reports show it: relative to the working directory when inside it
 */
public record InputFile(Path path, String displayPath) {}
