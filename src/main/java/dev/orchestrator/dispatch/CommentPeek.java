package dev.orchestrator.dispatch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The two fields of an {@code issue_comment} payload that decide whether it needs more than a
 * glance: the comment's body and the issue's number. Most comments hold no {@code /agent} command,
 * and one streaming pass that skips everything else costs a fraction of building the payload's
 * tree, which the dispatcher then never needs for them.
 */
final class CommentPeek {
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build();

  /** What a created comment's payload says, read without a tree. */
  record Seen(String body, int issueNumber) {
    /** True when the body cannot hold a command: it does not mention {@code /agent} at all. */
    boolean withoutCommand() {
      return !body.toLowerCase(Locale.ROOT).contains("/agent");
    }
  }

  private CommentPeek() {}

  /**
   * The comment's body and issue number, or empty when the payload does not have them in the
   * expected shape (a string body, an issue object): then the caller reads the whole payload.
   */
  static Optional<Seen> of(byte[] payload) {
    try (JsonParser p = JSON.createParser(payload)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      String body = null;
      int number = 0;
      boolean issueSeen = false;
      // GitHub sends issue and comment before repository and sender, the bulk of the payload; the
      // intake has already checked the whole body is well-formed, so the rest need not be read.
      while (!(body != null && issueSeen) && p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("comment".equals(name) && value == JsonToken.START_OBJECT) {
          body = member(p, "body", JsonToken.VALUE_STRING);
        } else if ("issue".equals(name) && value == JsonToken.START_OBJECT) {
          String n = member(p, "number", JsonToken.VALUE_NUMBER_INT);
          number = n == null ? 0 : parse(n);
          issueSeen = true;
        } else {
          p.skipChildren();
        }
      }
      return body == null ? Optional.empty() : Optional.of(new Seen(body, number));
    } catch (IOException e) {
      return Optional.empty(); // the full read reports what is wrong with it
    }
  }

  /**
   * Within the object the parser is at, the text of {@code field} when its value is of the {@code
   * expected} kind; consumes the whole object.
   */
  private static String member(JsonParser p, String field, JsonToken expected) throws IOException {
    String found = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals(name) && value == expected) {
        found = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return found;
  }

  private static int parse(String number) {
    try {
      return Integer.parseInt(number);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
