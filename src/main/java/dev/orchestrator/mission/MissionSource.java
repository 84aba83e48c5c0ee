package dev.orchestrator.mission;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One mission file's text and where it came from (a path, or a repository path such as {@code
 * .github/agent/missions/triage.yml}), which problems and missions name.
 */
public record MissionSource(String origin, String text) {

  /** The file's bytes as strict UTF-8 (a leading BOM dropped); empty when they are not UTF-8. */
  public static Optional<MissionSource> decode(String origin, byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      // editors may write a BOM
      return Optional.of(
          new MissionSource(origin, text.startsWith("\uFEFF") ? text.substring(1) : text));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
