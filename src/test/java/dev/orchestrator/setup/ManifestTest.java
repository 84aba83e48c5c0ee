package dev.orchestrator.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ManifestTest {
  private static final URI BASE = URI.create("https://agent.example.com");

  @Test
  void fillsEveryUrlField() {
    String yaml =
        "name: x\nurl: ${PUBLIC_URL}\nredirect_url: ${PUBLIC_URL}/setup/callback\n"
            + "setup_url: ${PUBLIC_URL}/done\ncallback_urls: [\"${PUBLIC_URL}/a\"]\n"
            + "hook_attributes: {url: \"${PUBLIC_URL}/hook\", active: true}\n";
    Manifest.Rendered r = Manifest.render(yaml, "m.yml", BASE);
    assertThat(((Manifest.Rendered.Ok) r).json().toString())
        .isEqualTo(
            "{\"name\":\"x\",\"url\":\"https://agent.example.com\","
                + "\"redirect_url\":\"https://agent.example.com/setup/callback\","
                + "\"setup_url\":\"https://agent.example.com/done\","
                + "\"callback_urls\":[\"https://agent.example.com/a\"],"
                + "\"hook_attributes\":{\"url\":\"https://agent.example.com/hook\",\"active\":true}}");
  }

  @Test
  void refusesUnknownKeysPlaceholdersOutsideUrlsAndRelativeUrls() {
    String yaml =
        "name: x\nurl: /relative\nhomepage: y\ndescription: at ${PUBLIC_URL}\n"
            + "hook_attributes: {url: \"${PUBLIC_URL}/hook\", secret: s}\n";
    Manifest.Rendered r = Manifest.render(yaml, "m.yml", BASE);
    assertThat(r).isInstanceOf(Manifest.Rendered.Invalid.class);
    assertThat(((Manifest.Rendered.Invalid) r).message())
        .startsWith("reading \"m.yml\": ")
        .contains("url: expected an absolute http(s) URL, found \"/relative\"")
        .contains("\"homepage\" is not a GitHub App manifest parameter")
        .contains("description: ${PUBLIC_URL} belongs in URL fields only")
        .contains("\"hook_attributes.secret\" is not a manifest parameter");
  }

  @Test
  void refusesWhatIsNotAMapping() {
    assertThat(Manifest.render("- a\n", "m.yml", BASE))
        .isEqualTo(
            new Manifest.Rendered.Invalid("reading \"m.yml\": expected a mapping of parameters"));
    assertThat(Manifest.render("name: [\n", "m.yml", BASE))
        .isInstanceOf(Manifest.Rendered.Invalid.class);
  }
}
