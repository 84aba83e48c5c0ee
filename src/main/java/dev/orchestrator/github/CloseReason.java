package dev.orchestrator.github;

/** Why an issue is closed ({@code state_reason}). */
public enum CloseReason {
  COMPLETED("completed"),
  NOT_PLANNED("not_planned");

  private final String apiValue;

  CloseReason(String apiValue) {
    this.apiValue = apiValue;
  }

  public String apiValue() {
    return apiValue;
  }
}
