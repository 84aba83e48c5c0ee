/**
 * A fake OpenAI-compatible model server for tests: {@code POST /v1/chat/completions} on 127.0.0.1,
 * answering from a per-test script with the response shapes OpenAI publishes (chat completion
 * objects, tool calls with JSON-string arguments, {@code usage}, error objects, 429 with {@code
 * retry-after}), checking the conversation the way the real API does, and recording every request.
 */
package dev.orchestrator.fakemodel;
