package dev.orchestrator.fakegithub.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.fakegithub.auth.Caller;
import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.faults.FaultScene;
import dev.orchestrator.fakegithub.faults.Faults;
import dev.orchestrator.fakegithub.http.RateLimits.Snapshot;
import dev.orchestrator.fakegithub.openapi.OpenApiIndex;
import dev.orchestrator.fakegithub.openapi.Operation;
import dev.orchestrator.fakegithub.openapi.RequestValidator;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The way every request goes through the fake, in GitHub's order: fault injection (which may hold
 * the request), {@code User-Agent} check, authentication, injected failures, primary rate limit,
 * body parsing and schema validation, the route, conditional-request handling, rate-limit
 * accounting and headers; then the request log and the wire.
 */
public final class Pipeline implements AutoCloseable {
  private final OpenApiIndex index;
  private final RequestValidator validator = new RequestValidator();
  private final Authenticator authenticator;
  private final RateLimits limits;
  private final Faults faults;
  private final RequestLog log;
  private final Clock clock;
  private final QueryCheck queryCheck;
  private final Transmitter transmitter = new Transmitter();
  private volatile String origin = "http://127.0.0.1";

  Pipeline(
      OpenApiIndex index,
      Authenticator authenticator,
      RateLimits limits,
      Faults faults,
      RequestLog log,
      Clock clock) {
    this.index = index;
    this.authenticator = authenticator;
    this.limits = limits;
    this.faults = faults;
    this.log = log;
    this.clock = clock;
    this.queryCheck = new QueryCheck(log);
  }

  /** Sets {@code http://host:port} once the server is bound. */
  void origin(String value) {
    origin = value;
  }

  /** Serves a request that matched {@code route}. */
  void serve(Context ctx, Route route) {
    Incoming in = Incoming.from(ctx);
    Map<String, String> params = Map.copyOf(ctx.pathParamMap());
    if (!PathParams.wellFormed(params)) {
      // "/repos/o/r/issues/comments" lands on /issues/{issue_number}: not a route GitHub has
      unknown(ctx);
      return;
    }
    Operation op = index.get(route.method(), route.template());
    queryCheck.check(in, op);
    Instant arrival = clock.instant();
    Fault fault = faults.take(in.method(), in.path());
    if (fault != null && !fault.delayBefore().isZero()) {
      Duration delay = fault.delayBefore();
      transmitter.later(
          ctx, delay, () -> finish(ctx, in, route, op, params, fault, arrival, "delayed " + delay));
      return;
    }
    finish(ctx, in, route, op, params, fault, arrival, null);
  }

  /** Answers a request no route matched: 404, and a problem the test will fail on. */
  void unknown(Context ctx) {
    Incoming in = Incoming.from(ctx);
    log.problem("unknown route: " + in.describe());
    Caller caller = authenticator.authenticate(Auth.ANY, in, Errors.REST_DOCS, Map.of()).caller();
    Reply reply =
        limits.charge(caller.rateKey(), "core").decorate(Errors.notFound(Errors.REST_DOCS));
    log.add(record(in, reply, null, clock.instant(), "answered"));
    transmitter.write(ctx, reply);
  }

  private void finish(
      Context ctx,
      Incoming in,
      Route route,
      Operation op,
      Map<String, String> params,
      Fault fault,
      Instant arrival,
      String heldBefore) {
    Reply reply = answer(in, route, op, params, fault, arrival);
    boolean drop = fault != null && fault.dropAfter();
    Duration delayAfter = fault == null ? Duration.ZERO : fault.delayAfter();
    String outcome = drop ? "dropped" : !delayAfter.isZero() ? "delayed " + delayAfter : heldBefore;
    log.add(record(in, reply, route.template(), arrival, outcome == null ? "answered" : outcome));
    if (drop) {
      transmitter.drop(ctx);
    } else if (!delayAfter.isZero()) {
      transmitter.later(ctx, delayAfter, () -> transmitter.write(ctx, reply));
    } else {
      transmitter.write(ctx, reply);
    }
  }

  private Reply answer(
      Incoming in,
      Route route,
      Operation op,
      Map<String, String> params,
      Fault fault,
      Instant arrival) {
    Caller caller = new Caller.Anonymous(in.ip());
    Reply reply;
    if (in.header("user-agent").filter(ua -> !ua.isBlank()).isEmpty()) {
      reply = Errors.missingUserAgent();
    } else {
      Authenticator.Outcome auth =
          authenticator.authenticate(route.auth(), in, op.documentationUrl(), params);
      caller = auth.caller();
      reply = auth.refusal();
    }
    Snapshot rate = limits.peek(caller.rateKey(), route.resource());
    FaultScene scene = new FaultScene(rate, caller.exhaustedMessage(), op.documentationUrl());
    if (reply == null && fault != null) {
      reply = fault.preempt(scene);
    }
    if (reply == null && route.charged() && rate.remaining() == 0) {
      reply = Fault.primaryRateLimit().preempt(scene);
    }
    if (reply == null) {
      try {
        reply = run(in, route, op, params, caller, arrival);
      } catch (RuntimeException e) {
        // a bug in the fake must fail the test, not pass as a 500 the client may retry
        log.problem("the fake GitHub failed on " + in.describe() + ": " + e);
        throw e;
      }
    }
    if (in.method().equals("GET") && reply.status() == 200) {
      String etag = Etags.of(reply.body());
      reply =
          Etags.matches(in.header("if-none-match").orElse(null), etag)
              ? Reply.empty(304).withHeader("etag", etag)
              : reply.withHeader("etag", etag);
    }
    if (route.charged() && reply.status() != 304) {
      rate = limits.charge(caller.rateKey(), route.resource());
    }
    return rate.decorate(reply);
  }

  private Reply run(
      Incoming in,
      Route route,
      Operation op,
      Map<String, String> params,
      Caller caller,
      Instant arrival) {
    JsonNode body = null;
    if (op.requestSchema() != null && !in.body().isBlank()) {
      try {
        body = Reply.JSON.readTree(in.body());
      } catch (JsonProcessingException e) {
        return Errors.problemsParsingJson(op.documentationUrl());
      }
    }
    List<String> problems = validator.validate(op, body);
    if (!problems.isEmpty()) {
      return Errors.invalidRequest(problems, op.documentationUrl());
    }
    Links links = new Links(origin + (in.ghes() ? Incoming.GHES_PREFIX : ""), origin);
    Call call =
        new Call(
            op, in.path(), params, in.query(), in.firstHeaders(), body, caller, arrival, links);
    Reply reply;
    try {
      reply = route.handler().handle(call);
    } catch (ReplyException e) {
      return e.reply();
    }
    if (reply.status() < 300 && !op.examples().containsKey(reply.status())) {
      throw new IllegalStateException(
          "fake route \""
              + route.key()
              + "\" answered "
              + reply.status()
              + ", which GitHub's description does not document");
    }
    return reply;
  }

  private static RecordedRequest record(
      Incoming in, Reply reply, String template, Instant time, String outcome) {
    return new RecordedRequest(
        in.method(),
        in.path(),
        in.queryString(),
        in.headers(),
        in.body(),
        reply.status(),
        time,
        template,
        outcome);
  }

  @Override
  public void close() {
    transmitter.close();
  }
}
