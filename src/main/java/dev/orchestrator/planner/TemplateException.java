package dev.orchestrator.planner;

/** A template reference could not be resolved; the message names it. Fails the run. */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }
}
