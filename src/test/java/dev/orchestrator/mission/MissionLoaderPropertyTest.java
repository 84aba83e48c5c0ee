package dev.orchestrator.mission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a file holds, loading it yields a result: problems are values, never exceptions. */
class MissionLoaderPropertyTest {

  @Property
  void anyYamlishTextYieldsAResult(@ForAll("yamlish") String text) {
    LoadResult result =
        MissionLoader.repository().loadSources(List.of(new MissionSource("f.yml", text)));

    assertThat(result).isNotNull();
    assertThat(result.isValid()).isEqualTo(result instanceof LoadResult.Loaded);
    for (Problem p : result.problems()) {
      assertThat(p.file()).isEqualTo("f.yml");
      assertThat(p.line()).isPositive();
      assertThat(p.column()).isPositive();
    }
  }

  @Property
  void anyTextInAStepArgumentYieldsAResult(@ForAll("templatish") String value) {
    String yaml =
        "name: t\ngoal: g\nplanner: deterministic\nallowed_tools: [post_comment]\n"
            + "arguments: { days: { description: d, default: 3 } }\n"
            + "steps:\n  - tool: post_comment\n    args: { body: "
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(value)
            + " }\n";

    LoadResult result =
        MissionLoader.global().loadSources(List.of(new MissionSource("t.yml", yaml)));

    assertThat(result).isNotNull();
  }

  /** Fragments of mission YAML, YAML syntax and noise, glued in any order. */
  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> fragment =
        Arbitraries.oneOf(
            Arbitraries.of(
                "name: ",
                "goal: ",
                "planner: ",
                "deterministic",
                "llm",
                "allowed_tools: ",
                "steps:",
                "  - ",
                "    ",
                "tool: ",
                "args: ",
                "for_each: ",
                "id: ",
                "triggers:",
                "event: ",
                "command: ",
                "budget: ",
                "tokens: ",
                "arguments:",
                "default: ",
                "max_steps: ",
                "timeout: ",
                "get_issue",
                "post_comment",
                "close_issue",
                "${",
                "}",
                "${steps.a.output}",
                "${item.x}",
                "${days_ago(args.d)}",
                "[",
                "]",
                "{",
                "}",
                ", ",
                ": ",
                "- ",
                "\n",
                "\n",
                "\n",
                "  ",
                "\t",
                "#",
                "&a ",
                "*a",
                "!!int ",
                "---\n",
                "...\n",
                "'",
                "\"",
                "|\n",
                ">\n",
                "? ",
                "~",
                "null",
                "1e9",
                ".inf",
                "0x1F",
                "99999999999999999999",
                "-1",
                "true",
                "yes",
                "@",
                "`",
                "%",
                "\u00e9",
                "\ufeff",
                "\u0000",
                "\r\n",
                "<<: "),
            Arbitraries.strings().ofMaxLength(6));
    return fragment.list().ofMaxSize(40).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> templatish() {
    return Arbitraries.strings().withChars("${}().-_ abcdeimnpstuvgorw0123456789").ofMaxLength(40);
  }
}
