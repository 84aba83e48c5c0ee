package dev.orchestrator.runtime;

import java.time.Instant;
import java.util.Optional;

/** The port to stored transcripts, one JSON document per run. */
public interface TranscriptStore {
  void save(long runId, String json, Instant now);

  Optional<String> find(long runId);
}
