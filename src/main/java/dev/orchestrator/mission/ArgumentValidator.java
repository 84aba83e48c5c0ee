package dev.orchestrator.mission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks {@code arguments}: names people can type as {@code key=value}, and descriptions. */
final class ArgumentValidator {
  private ArgumentValidator() {}

  static Map<String, ArgumentSpec> validate(List<RawMission.RawArgument> raw, Problems problems) {
    Map<String, ArgumentSpec> out = new LinkedHashMap<>();
    for (RawMission.RawArgument a : raw) {
      String name = a.name().value();
      if (!Names.ARGUMENT.matcher(name).matches()) {
        problems.at(
            a.name(),
            "argument "
                + Words.quote(name)
                + ": expected lowercase letters, digits or \"_\", starting with a letter");
        // kept below so that templates reading it do not report it again as undeclared
      }
      Optional<String> description = a.description().map(Located::value);
      if (description.isPresent() && description.get().isBlank()) {
        problems.at(
            a.description().get(),
            "argument " + Words.quote(name) + " \"description\": must not be empty");
      }
      out.put(
          name,
          new ArgumentSpec(name, description.orElse(""), a.defaultValue().map(Located::value)));
    }
    return out;
  }
}
