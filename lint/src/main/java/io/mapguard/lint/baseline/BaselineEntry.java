package io.mapguard.lint.baseline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One accepted finding. Only the fingerprint is matched; rule, file and message are there so that a
 * reviewer can read the baseline file (and its diffs) without running mapvet.
 */
@JsonPropertyOrder({"fingerprint", "rule", "file", "message"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record BaselineEntry(
    @JsonProperty("fingerprint") String fingerprint,
    @JsonProperty("rule") String rule,
    @JsonProperty("file") String file,
    @JsonProperty("message") String message) {}
