package dev.orchestrator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.tool.ToolContext;
import java.time.Instant;

/**
 * What a run executes with: its id, the trigger, the event and arguments, the tool context (the
 * repository port: GitHub or offline), whether it is a dry run, and when it started.
 */
public record RunContext(
    long runId,
    String trigger,
    JsonNode event,
    JsonNode arguments,
    boolean dryRun,
    ToolContext tools,
    Instant startedAt) {}
