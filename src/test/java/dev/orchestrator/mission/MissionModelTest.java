package dev.orchestrator.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records' own behaviour: catalog look-ups, enumerations, immutability. */
class MissionModelTest {
  private static MissionCatalog catalog(String... yamls) {
    List<MissionSource> sources = new java.util.ArrayList<>();
    for (int i = 0; i < yamls.length; i++) {
      sources.add(new MissionSource("m" + i + ".yml", yamls[i]));
    }
    LoadResult result = MissionLoader.global().loadSources(sources);
    assertThat(result.problems()).isEmpty();
    return result.catalog();
  }

  private static String mission(String name, String command) {
    return "name: "
        + name
        + "\ngoal: g\nplanner: llm\nallowed_tools: [get_issue]\ntriggers: [{command: "
        + command
        + "}]\n";
  }

  @Test
  void theCatalogFindsMissionsByNameOrCommand() {
    MissionCatalog c = catalog(mission("zeta", "z"), mission("alpha", "a"));

    assertThat(c.missions()).extracting(Mission::name).containsExactly("alpha", "zeta");
    assertThat(c.byName("zeta").get().commands()).containsExactly("z");
    assertThat(c.byCommand("a").get().name()).isEqualTo("alpha");
    assertThat(c.resolve("alpha")).isEqualTo(c.resolve("a"));
    assertThat(c.resolve("nothing")).isEmpty();
    assertThat(c.words()).containsExactly("a", "alpha", "z", "zeta");
    assertThat(c.size()).isEqualTo(2);
  }

  @Test
  void theCatalogRefusesAmbiguityThatTheLoaderShouldHaveReported() {
    Mission one = catalog(mission("one", "go")).byName("one").get();
    Mission two = catalog(mission("two", "go")).byName("two").get();

    assertThatThrownBy(() -> MissionCatalog.of(List.of(one, two)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("command \"go\" appears twice");
  }

  @Test
  void stepsHandOutCopiesOfTheirArguments() {
    String yaml =
        "name: s\ngoal: g\nplanner: deterministic\nallowed_tools: [post_comment]\n"
            + "steps:\n  - id: say\n    tool: post_comment\n    args: { number: 1, body: hi }\n";
    Step step = catalog(yaml).byName("s").get().steps().get(0);

    ((ObjectNode) step.args()).put("body", "changed");

    assertThat(step.args().get("body")).isEqualTo(TextNode.valueOf("hi"));
    assertThat(step.label()).isEqualTo("step 1 (say)");
    assertThat(step.templates()).isEmpty();
  }

  @Test
  void enumerationsReadTheirLabels() {
    assertThat(Priority.LOW.raised()).isEqualTo(Priority.NORMAL);
    assertThat(Priority.NORMAL.raised()).isEqualTo(Priority.HIGH);
    assertThat(Priority.HIGH.raised()).isEqualTo(Priority.HIGH);
    assertThat(Permission.MAINTAIN.includes(Permission.WRITE)).isTrue();
    assertThat(Permission.TRIAGE.includes(Permission.WRITE)).isFalse();
    assertThat(Permission.TRIAGE.label()).isEqualTo("triage");
    assertThat(PlannerType.LLM.label()).isEqualTo("llm");
    assertThat(ReportPolicy.ALWAYS.label()).isEqualTo("always");
  }

  @Test
  void suggestionsComeOnlyWithinTwoEdits() {
    assertThat(Words.distance("get_isue", "get_issue")).isEqualTo(1);
    assertThat(Words.distance("", "abc")).isEqualTo(3);
    assertThat(Words.nearest("Stauts", List.of("status", "history"))).contains("status");
    assertThat(Words.nearest("frobnicate", List.of("status", "history"))).isEmpty();
    assertThat(Words.quote("a\nb")).isEqualTo("\"a\\nb\"");
    assertThat(Words.quote("x".repeat(100))).hasSize(62).endsWith("...\"");
  }
}
