package dev.orchestrator.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.config.DotEnv;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class DotEnvMergeTest {
  @Test
  void replacesInPlaceKeepsTheRestAndAppendsTheNew() {
    String existing =
        "# mine\nPORT=8080\nexport WEBHOOK_SECRET=old\n\nDATABASE_URL=jdbc:sqlite:x.db\n"
            + "WEBHOOK_SECRET=older\n";
    Map<String, String> values = new LinkedHashMap<>();
    values.put("WEBHOOK_SECRET", "new");
    values.put("APP_ID", "42");
    values.put("PRIVATE_KEY_PATH", "/srv/my keys/agent-app.pem");
    String merged = DotEnvMerge.merge(existing, values, "written by setup");
    assertThat(merged)
        .isEqualTo(
            "# mine\nPORT=8080\nWEBHOOK_SECRET=new\n\nDATABASE_URL=jdbc:sqlite:x.db\n\n"
                + "# written by setup\nAPP_ID=42\nPRIVATE_KEY_PATH=\"/srv/my keys/agent-app.pem\"\n");
  }

  @Test
  void startsAFileFromNothing() {
    assertThat(DotEnvMerge.merge("", Map.of("APP_ID", "7"), "h")).isEqualTo("# h\nAPP_ID=7\n");
  }

  @Test
  void refusesWhatTheReaderCannotReadBack() {
    assertThatThrownBy(() -> DotEnvMerge.line("K", "a\nb")).hasMessageContaining("(K)");
    assertThatThrownBy(() -> DotEnvMerge.line("K", "a'\"b")).hasMessageContaining("(K)");
  }

  @Property
  void theReaderGetsBackEveryValueAndEveryOtherLine(
      @ForAll @StringLength(max = 40) @CharRange(from = ' ', to = '~') String value,
      @ForAll @StringLength(max = 20) @CharRange(from = 'a', to = 'z') String other) {
    if (value.contains("'") && value.contains("\"")) {
      return;
    }
    // the reader strips unquoted values; ours are quoted whenever they hold a space
    String existing = "OTHER=" + other + "\nSECRET=x\n";
    String merged = DotEnvMerge.merge(existing, Map.of("SECRET", value), "h");
    DotEnv.Parsed parsed = DotEnv.parse(merged, ".env");
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.values()).containsEntry("SECRET", value).containsEntry("OTHER", other);
  }
}
