package dev.orchestrator.fakegithub.state;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everything the fake GitHub knows: the app, its installations, repositories and deliveries. */
public final class World {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Ids ids = new Ids();
  private final Clock clock;
  private final Actors actors = new Actors(ids);
  private final FakeApp app;
  private final Deliveries deliveries;
  private final Map<Long, Installation> installations = new LinkedHashMap<>();
  private final Map<String, FakeRepo> repos = new LinkedHashMap<>();
  private final Set<String> manifestCodes = new HashSet<>();

  /** A world with one app and nothing else. */
  public World(Clock clock, FakeApp app) {
    this.clock = clock;
    this.app = app;
    this.deliveries = new Deliveries(ids, clock);
  }

  /** The app. */
  public FakeApp app() {
    return app;
  }

  /** The app's bot account. */
  public Actor bot() {
    return actors.bot(app.slug());
  }

  /** Accounts and their ids. */
  public Actors actors() {
    return actors;
  }

  /** Webhook deliveries. */
  public Deliveries deliveries() {
    return deliveries;
  }

  /** Adds (or replaces) an installation. */
  public synchronized Installation install(Installation installation) {
    if ("Organization".equals(installation.accountType())) {
      actors.organization(installation.account());
    } else {
      actors.user(installation.account());
    }
    installations.put(installation.id(), installation);
    return installation;
  }

  /** The installation with that id. */
  public synchronized Optional<Installation> installation(long id) {
    return Optional.ofNullable(installations.get(id));
  }

  /** Every installation, in the order added. */
  public synchronized List<Installation> installations() {
    return List.copyOf(installations.values());
  }

  /** The installation covering {@code owner/repo}, if any. */
  public synchronized Optional<Installation> installationFor(String owner, String repo) {
    return installations.values().stream().filter(i -> i.covers(owner, repo)).findFirst();
  }

  /** The repository, created on first mention with default branch {@code main}. */
  public synchronized FakeRepo repo(String owner, String name) {
    FakeRepo existing = repos.get(key(owner, name));
    return existing != null ? existing : repo(owner, name, "main");
  }

  /** The repository, created on first mention with the given default branch. */
  public synchronized FakeRepo repo(String owner, String name, String defaultBranch) {
    FakeRepo existing = repos.get(key(owner, name));
    if (existing != null) {
      if (!existing.defaultBranch().equals(defaultBranch)) {
        throw new IllegalStateException(
            "repository \""
                + owner
                + "/"
                + name
                + "\" already has default branch \""
                + existing.defaultBranch()
                + "\"");
      }
      return existing;
    }
    Actor ownerActor =
        installations.values().stream()
                .anyMatch(
                    i ->
                        i.account().equalsIgnoreCase(owner)
                            && "Organization".equals(i.accountType()))
            ? actors.organization(owner)
            : actors.user(owner);
    FakeRepo repo = new FakeRepo(ids, clock, actors, ownerActor, name, defaultBranch);
    repos.put(key(owner, name), repo);
    return repo;
  }

  /** The repository if it exists. */
  public synchronized Optional<FakeRepo> findRepo(String owner, String name) {
    return Optional.ofNullable(repos.get(key(owner, name)));
  }

  /** Every repository. */
  public synchronized List<FakeRepo> repos() {
    return List.copyOf(repos.values());
  }

  /** Issues a one-time code for {@code POST /app-manifests/{code}/conversions}. */
  public synchronized String newManifestCode() {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    String code = HexFormat.of().formatHex(bytes);
    manifestCodes.add(code);
    return code;
  }

  /** Uses up a manifest code; false when it is unknown or was used before. */
  public synchronized boolean redeemManifestCode(String code) {
    return manifestCodes.remove(code);
  }

  private static String key(String owner, String name) {
    return (owner + "/" + name).toLowerCase(Locale.ROOT);
  }
}
