package dev.orchestrator.webhook;

/** What the intake answered; the HTTP status and body live on the result. */
public sealed interface IntakeResult {
  int httpStatus();

  /** A one-line, lowercase explanation for the response body and the log. */
  String message();

  /** The metrics label: {@code accepted}, {@code duplicate} or {@code rejected_<status>}. */
  String outcome();

  /** Stored now; the dispatcher will process it. */
  record Accepted(String deliveryId, String kind) implements IntakeResult {
    @Override
    public int httpStatus() {
      return 202;
    }

    @Override
    public String message() {
      return "accepted delivery " + deliveryId + " (" + kind + ")";
    }

    @Override
    public String outcome() {
      return "accepted";
    }
  }

  /** Stored before under the same id: acknowledged, not processed again. */
  record Duplicate(String deliveryId) implements IntakeResult {
    @Override
    public int httpStatus() {
      return 202;
    }

    @Override
    public String message() {
      return "delivery " + deliveryId + " was received before; not processed again";
    }

    @Override
    public String outcome() {
      return "duplicate";
    }
  }

  /** Refused; nothing was stored. */
  record Rejected(int httpStatus, String message) implements IntakeResult {
    @Override
    public String outcome() {
      return "rejected_" + httpStatus;
    }
  }
}
