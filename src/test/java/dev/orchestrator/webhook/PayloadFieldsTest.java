package dev.orchestrator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.testing.Payloads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The streaming scan reads what a full parse would, and refuses what it would refuse. */
class PayloadFieldsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyPublishedPayloadYieldsWhatTheTreeSays() throws Exception {
    int withInstallation = 0;
    for (Path fixture : Payloads.all()) {
      byte[] body = Files.readAllBytes(fixture);
      JsonNode tree = JSON.readTree(body);
      PayloadFields.Scan scan = PayloadFields.scan(body);
      assertThat(scan).as(fixture.toString()).isInstanceOf(PayloadFields.Scan.Fields.class);
      PayloadFields.Scan.Fields f = (PayloadFields.Scan.Fields) scan;
      assertThat(f.action()).as(fixture + " action").isEqualTo(text(tree.path("action")));
      JsonNode id = tree.path("installation").path("id");
      assertThat(f.installationId())
          .as(fixture + " installation")
          .isEqualTo(id.isIntegralNumber() ? Optional.of(id.asLong()) : Optional.empty());
      assertThat(f.repository())
          .as(fixture + " repository")
          .isEqualTo(text(tree.path("repository").path("full_name")));
      withInstallation += f.installationId().isPresent() ? 1 : 0;
    }
    assertThat(withInstallation).as("the fixtures exercise installation ids").isPositive();
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
  }

  @Test
  void onlyTheTopLevelFieldsCount() {
    PayloadFields.Scan.Fields f =
        fields(
            "{\"issue\":{\"action\":\"nested\",\"installation\":{\"id\":1}},"
                + "\"repository\":{\"owner\":{\"full_name\":\"no\"},\"full_name\":\"octo/repo\"},"
                + "\"installation\":{\"account\":{\"id\":5},\"id\":42},\"action\":\"opened\"}");
    assertThat(f.action()).hasValue("opened");
    assertThat(f.installationId()).hasValue(42L);
    assertThat(f.repository()).hasValue("octo/repo");
  }

  @Test
  void fieldsOfTheWrongTypeAreAbsent() {
    PayloadFields.Scan.Fields f =
        fields(
            "{\"action\":[\"x\"],\"installation\":{\"id\":\"42\"},\"repository\":\"octo/repo\"}");
    assertThat(f.action()).isEmpty();
    assertThat(f.installationId()).isEmpty();
    assertThat(f.repository()).isEmpty();
    assertThat(
            fields("{\"installation\":{\"id\":123456789012345678901234567890}}").installationId())
        .isEmpty();
  }

  @Test
  void malformedBodiesAreRefusedWithTheReason() {
    assertThat(invalid("{\"action\": ")).startsWith("the body is not valid JSON: ");
    assertThat(invalid("{\"a\":1,}")).startsWith("the body is not valid JSON: ");
    assertThat(invalid("{\"a\":{\"b\":[1,2}}")).startsWith("the body is not valid JSON: ");
    assertThat(invalid("[1,2]")).isEqualTo("the body is not a JSON object");
    assertThat(invalid("\"text\"")).isEqualTo("the body is not a JSON object");
    assertThat(invalid("")).isEqualTo("the body is not a JSON object");
    assertThat(invalid("{} {}")).isEqualTo("the body has content after its JSON object");
    assertThat(invalid("{\"a\":1} x")).startsWith("the body is not valid JSON: ");
  }

  private static PayloadFields.Scan.Fields fields(String json) {
    PayloadFields.Scan s = PayloadFields.scan(json.getBytes(StandardCharsets.UTF_8));
    assertThat(s).isInstanceOf(PayloadFields.Scan.Fields.class);
    return (PayloadFields.Scan.Fields) s;
  }

  private static String invalid(String json) {
    PayloadFields.Scan s = PayloadFields.scan(json.getBytes(StandardCharsets.UTF_8));
    assertThat(s).as(json).isInstanceOf(PayloadFields.Scan.Invalid.class);
    return ((PayloadFields.Scan.Invalid) s).message();
  }
}
