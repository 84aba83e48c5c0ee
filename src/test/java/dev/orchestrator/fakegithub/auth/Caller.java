package dev.orchestrator.fakegithub.auth;

import dev.orchestrator.fakegithub.state.Actor;
import dev.orchestrator.fakegithub.state.Installation;
import dev.orchestrator.fakegithub.state.World;
import java.util.Optional;

/** Who made a request, as the fake's authentication decided. */
public sealed interface Caller {

  /** The key rate limits are counted under. */
  String rateKey();

  /** GitHub's message once this caller's primary rate limit is spent. */
  String exhaustedMessage();

  /** The account that authors what this caller writes; empty when it cannot write. */
  Optional<Actor> author(World world);

  /** True when the caller may act on {@code owner/repo}. */
  boolean mayAccess(String owner, String repo);

  /** The installation whose token was used, if any. */
  default Optional<Installation> installation() {
    return Optional.empty();
  }

  /**
   * The app itself, authenticated with a JWT.
   *
   * @param appId the app id
   */
  record App(long appId) implements Caller {
    @Override
    public String rateKey() {
      return "app:" + appId;
    }

    @Override
    public String exhaustedMessage() {
      return "API rate limit exceeded for app ID " + appId + ".";
    }

    @Override
    public Optional<Actor> author(World world) {
      return Optional.empty();
    }

    @Override
    public boolean mayAccess(String owner, String repo) {
      return false;
    }
  }

  /**
   * An installation token.
   *
   * @param installationRecord the installation
   */
  record InstallationCaller(Installation installationRecord) implements Caller {
    @Override
    public String rateKey() {
      // GitHub counts per installation, so a refreshed token keeps the spent budget
      return "installation:" + installationRecord.id();
    }

    @Override
    public String exhaustedMessage() {
      return "API rate limit exceeded for installation ID " + installationRecord.id() + ".";
    }

    @Override
    public Optional<Actor> author(World world) {
      return Optional.of(world.bot());
    }

    @Override
    public boolean mayAccess(String owner, String repo) {
      return installationRecord.covers(owner, repo);
    }

    @Override
    public Optional<Installation> installation() {
      return Optional.of(installationRecord);
    }
  }

  /**
   * A personal access token.
   *
   * @param user its owner
   */
  record PersonalCaller(Actor user) implements Caller {
    @Override
    public String rateKey() {
      return "user:" + user.id();
    }

    @Override
    public String exhaustedMessage() {
      return "API rate limit exceeded for user ID " + user.id() + ".";
    }

    @Override
    public Optional<Actor> author(World world) {
      return Optional.of(user);
    }

    @Override
    public boolean mayAccess(String owner, String repo) {
      return true;
    }
  }

  /**
   * No credentials.
   *
   * @param ip the client address
   */
  record Anonymous(String ip) implements Caller {
    @Override
    public String rateKey() {
      return "ip:" + ip;
    }

    @Override
    public String exhaustedMessage() {
      return "API rate limit exceeded for " + ip + ".";
    }

    @Override
    public Optional<Actor> author(World world) {
      return Optional.empty();
    }

    @Override
    public boolean mayAccess(String owner, String repo) {
      return false;
    }
  }
}
