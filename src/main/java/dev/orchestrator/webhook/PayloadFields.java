package dev.orchestrator.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.Optional;

/**
 * The few payload fields the intake stores beside the raw body, read in one streaming pass that
 * also checks the whole body is well-formed JSON. No tree is built: the request thread only needs
 * {@code action}, {@code installation.id} and {@code repository.full_name}, and a 7.5 KB tree costs
 * more than the pass itself.
 */
final class PayloadFields {
  // Jackson caps strings at 20 M characters by default; a 25 MB payload may hold a longer one.
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(Intake.MAX_BODY_BYTES).build())
          .build();

  /** What the scan found, or why the body is not acceptable. */
  sealed interface Scan {
    record Fields(
        Optional<String> action, Optional<Long> installationId, Optional<String> repository)
        implements Scan {}

    record Invalid(String message) implements Scan {}
  }

  private PayloadFields() {}

  static Scan scan(byte[] body) {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new Scan.Invalid("the body is not a JSON object");
      }
      Optional<String> action = Optional.empty();
      Optional<Long> installation = Optional.empty();
      Optional<String> repository = Optional.empty();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("action".equals(name)) {
          action = value == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : Optional.empty();
          p.skipChildren();
        } else if ("installation".equals(name)) {
          installation = member(p, value, "id").flatMap(PayloadFields::asLong);
        } else if ("repository".equals(name)) {
          repository = member(p, value, "full_name").flatMap(PayloadFields::asText);
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        return new Scan.Invalid("the body has content after its JSON object");
      }
      return new Scan.Fields(action, installation, repository);
    } catch (JsonProcessingException e) {
      return new Scan.Invalid("the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return new Scan.Invalid("the body could not be read as JSON");
    }
  }

  /** A scalar value read from a member of an object. */
  private record Scalar(JsonToken token, String text) {}

  /**
   * Within the object starting at the current token, the scalar value of {@code field}; consumes
   * the whole object (or value, when it is not one).
   */
  private static Optional<Scalar> member(JsonParser p, JsonToken start, String field)
      throws IOException {
    if (start != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Optional.empty();
    }
    Optional<Scalar> found = Optional.empty();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals(name) && value.isScalarValue()) {
        found = Optional.of(new Scalar(value, p.getText()));
      } else {
        p.skipChildren();
      }
    }
    return found;
  }

  private static Optional<Long> asLong(Scalar s) {
    if (s.token() != JsonToken.VALUE_NUMBER_INT) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(s.text()));
    } catch (NumberFormatException e) {
      return Optional.empty(); // beyond a long: not an id we can store
    }
  }

  private static Optional<String> asText(Scalar s) {
    return s.token() == JsonToken.VALUE_STRING ? Optional.of(s.text()) : Optional.empty();
  }
}
