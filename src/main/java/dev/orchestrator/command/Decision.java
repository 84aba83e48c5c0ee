package dev.orchestrator.command;

/** Whether a command may run, and if not, why, in words for the reply. */
public sealed interface Decision {
  boolean allowed();

  record Allow() implements Decision {
    @Override
    public boolean allowed() {
      return true;
    }
  }

  /** Refused; {@code reason} names what is needed, e.g. "needs write permission". */
  record Refuse(String reason) implements Decision {
    @Override
    public boolean allowed() {
      return false;
    }
  }

  /** Ignored without a reply (bots, this app, users over the rate limit). */
  record Ignore(String why) implements Decision {
    @Override
    public boolean allowed() {
      return false;
    }
  }
}
