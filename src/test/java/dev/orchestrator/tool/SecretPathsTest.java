package dev.orchestrator.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretPathsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".env",
        "app/.env",
        ".ENV",
        ".env.local",
        "deploy/.env.production",
        ".env.example",
        ".envrc",
        "server.pem",
        "certs/ca/Server.PEM",
        "tls.key",
        "id_rsa",
        "home/me/id_rsa.pub",
        "id_ed25519",
        "keys/id_ed25519_work",
        "id_ecdsa",
        "store.p12",
        "win/cert.PFX",
        "release.jks",
        "android/app.keystore",
        "putty.ppk",
        ".npmrc",
        "frontend/.npmrc",
        ".yarnrc.yml",
        ".pypirc",
        ".netrc",
        "_netrc",
        ".pgpass",
        ".git-credentials",
        ".htpasswd",
        "credentials",
        "credentials.json",
        "config/Credentials.yml",
        ".aws/config",
        "home/.aws/credentials",
        ".ssh/config",
        "a/b/c/.ssh/known_hosts",
        ".gnupg/pubring.kbx",
        ".kube/config",
        ".docker/config.json",
        "infra/terraform.tfstate",
        "infra/terraform.tfstate.backup",
        "passwords.kdbx",
        "config\\.env",
        "dir//.env"
      })
  void refusesSecretLookingPaths(String path) {
    assertThat(SecretPaths.isSecretLooking(path)).as(path).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "README.md",
        "docs/env.md",
        "src/environment.ts",
        "env/README.md",
        "config/settings.yml",
        "keys.md",
        "src/main/java/dev/KeyStore.java",
        "docs/ssh.md",
        "aws/README.md",
        "lib/pem.rb",
        "keyboard.key.md",
        "my.envelope",
        "package.json",
        ".github/agent.yml"
      })
  void readsOrdinaryPaths(String path) {
    assertThat(SecretPaths.isSecretLooking(path)).as(path).isFalse();
  }
}
