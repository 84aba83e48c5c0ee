package dev.orchestrator.mission;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A five-field Unix cron expression ({@code minute hour day-of-month month day-of-week}, the syntax
 * of crontab and of GitHub Actions' {@code schedule}), read and evaluated by cron-utils. A
 * day-of-month and a day-of-week both restricted match either, as in cron. Equal when the text is.
 */
public final class CronSchedule {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final String LIBRARY_PREFIX = "Failed to parse cron expression. ";

  /** How far ahead a schedule must fire at least once (covers Feb 29 on a Monday, 28 years). */
  static final int HORIZON_YEARS = 30;

  private final String expression;
  private final ExecutionTime times;

  private CronSchedule(String expression, ExecutionTime times) {
    this.expression = expression;
    this.times = times;
  }

  /** The outcome of {@link #parse}. */
  public sealed interface Parsed {
    /** A valid expression. */
    record Ok(CronSchedule schedule) implements Parsed {}

    /** Not a cron expression, with the reason. */
    record Invalid(String reason) implements Parsed {}
  }

  /** Reads {@code expression}; nicknames such as {@code @hourly} are not accepted. */
  public static Parsed parse(String expression) {
    String text = expression.strip();
    try {
      Cron cron = PARSER.parse(text);
      cron.validate();
      return new Parsed.Ok(new CronSchedule(text, ExecutionTime.forCron(cron)));
    } catch (IllegalArgumentException e) {
      String reason = e.getMessage() == null ? "not understood" : e.getMessage();
      if (reason.startsWith(LIBRARY_PREFIX)) {
        reason = reason.substring(LIBRARY_PREFIX.length());
      }
      return new Parsed.Invalid(reason);
    }
  }

  /** The expression as written (without surrounding spaces). */
  public String expression() {
    return expression;
  }

  /** The latest time it fires at or before {@code t}, in {@code t}'s zone. */
  public Optional<ZonedDateTime> latestAtOrBefore(ZonedDateTime t) {
    ZonedDateTime minute = t.truncatedTo(ChronoUnit.MINUTES);
    if (times.isMatch(minute)) {
      return Optional.of(minute);
    }
    return times.lastExecution(t);
  }

  /** The first time it fires after {@code t}. */
  public Optional<ZonedDateTime> nextAfter(ZonedDateTime t) {
    return times.nextExecution(t);
  }

  /** False for expressions such as {@code 0 0 31 2 *} (February 31st), which never fire. */
  boolean firesWithin(ZonedDateTime from) {
    return nextAfter(from).filter(n -> n.isBefore(from.plusYears(HORIZON_YEARS))).isPresent();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronSchedule c && c.expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  @Override
  public String toString() {
    return expression;
  }
}
