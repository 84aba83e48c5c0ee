package dev.orchestrator.tool;

import java.util.Locale;
import java.util.Set;

/**
 * Paths {@code get_file} refuses to read because they usually hold secrets: environment files,
 * private keys and keystores, credential files of package managers and cloud tools, and whole
 * directories such as {@code .ssh/} and {@code .aws/}. Matching ignores case and works at any
 * directory depth; both {@code /} and {@code \} separate directories.
 */
public final class SecretPaths {
  /** Directories whose every file is refused. */
  private static final Set<String> DIRECTORIES =
      Set.of(".ssh", ".aws", ".gnupg", ".kube", ".docker");

  /** File names refused exactly. */
  private static final Set<String> NAMES =
      Set.of(
          ".env",
          ".envrc",
          ".npmrc",
          ".yarnrc.yml",
          ".pypirc",
          ".netrc",
          "_netrc",
          ".pgpass",
          ".git-credentials",
          ".htpasswd",
          ".dockercfg",
          "kubeconfig");

  /**
   * File name beginnings refused ({@code .env.local}, {@code id_rsa.pub}, {@code
   * credentials.json}).
   */
  private static final String[] PREFIXES = {
    ".env.", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "credentials"
  };

  /** File name endings refused. */
  private static final String[] SUFFIXES = {
    ".pem",
    ".key",
    ".p12",
    ".pfx",
    ".jks",
    ".keystore",
    ".ppk",
    ".kdbx",
    ".tfstate",
    ".tfstate.backup"
  };

  private SecretPaths() {}

  /** True when {@code path} looks like it holds secrets. */
  public static boolean isSecretLooking(String path) {
    String[] segments = path.toLowerCase(Locale.ROOT).replace('\\', '/').split("/");
    String name = "";
    for (String segment : segments) {
      if (segment.isEmpty()) {
        continue;
      }
      if (DIRECTORIES.contains(segment)) {
        return true;
      }
      name = segment;
    }
    if (NAMES.contains(name)) {
      return true;
    }
    for (String prefix : PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    for (String suffix : SUFFIXES) {
      if (name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
