package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The picocli the command line runs is the one the build compiles from picocli's sources for Java
 * 17 (pom.xml): class-data sharing cannot archive the published jar's Java 5 classes, which every
 * command would otherwise load and verify anew.
 */
class PicocliBytecodeTest {
  private static final int JAVA_17 = 61;

  @Test
  void picocliIsJava17Bytecode() throws IOException {
    try (InputStream in = CommandLine.class.getResourceAsStream("CommandLine.class");
        DataInputStream data = new DataInputStream(in)) {
      assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
      data.readUnsignedShort(); // minor version
      assertThat(data.readUnsignedShort()).isEqualTo(JAVA_17);
    }
  }
}
