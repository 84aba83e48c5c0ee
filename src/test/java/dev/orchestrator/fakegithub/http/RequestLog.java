package dev.orchestrator.fakegithub.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Every request the fake received, and the problems it found: unknown routes, undocumented query
 * parameters and queries it cannot answer faithfully. A test fails on any problem through {@code
 * FakeGitHub.assertNoUnknownRoutes()}.
 */
public final class RequestLog {
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  /** Adds a request. */
  public synchronized void add(RecordedRequest request) {
    requests.add(request);
  }

  /** Adds a problem, worded for a test failure. */
  public synchronized void problem(String description) {
    problems.add(description);
  }

  /** Every request so far, in arrival order. */
  public synchronized List<RecordedRequest> all() {
    return List.copyOf(requests);
  }

  /** Requests with this method and exact path (no {@code /api/v3} prefix, no query). */
  public synchronized List<RecordedRequest> matching(String method, String path) {
    return requests.stream()
        .filter(r -> r.method().equalsIgnoreCase(method) && r.path().equals(path))
        .toList();
  }

  /** Requests to routes matching a description template, e.g. {@code /repos/{owner}/{repo}}. */
  public synchronized List<RecordedRequest> forTemplate(String method, String template) {
    return requests.stream()
        .filter(r -> r.method().equalsIgnoreCase(method) && template.equals(r.template()))
        .toList();
  }

  /** The problems found so far. */
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  /** Forgets requests and problems (between phases of one test). */
  public synchronized void clear() {
    requests.clear();
    problems.clear();
  }

  /** Requests so far. */
  public synchronized int size() {
    return requests.size();
  }
}
