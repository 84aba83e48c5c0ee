package dev.orchestrator.fakegithub.state;

import java.time.Clock;

/**
 * One repository of the fake: what tests seed and later inspect. Each part is its own store ({@link
 * #issues()}, {@link #comments()}, …); they are thread-safe, as the fake's HTTP threads use them
 * while the test reads them.
 */
public final class FakeRepo {
  private final long id;
  private final Actor owner;
  private final String name;
  private final String defaultBranch;
  private final Labels labels;
  private final Issues issues;
  private final Comments comments;
  private final Reactions reactions;
  private final CheckRuns checkRuns;
  private final Files files = new Files();
  private final Permissions permissions = new Permissions();
  private final Actors actors;

  FakeRepo(Ids ids, Clock clock, Actors actors, Actor owner, String name, String defaultBranch) {
    this.id = ids.next();
    this.owner = owner;
    this.name = name;
    this.defaultBranch = defaultBranch;
    this.actors = actors;
    this.labels = new Labels(ids);
    this.issues = new Issues(ids, clock, labels, actors, defaultBranch);
    this.comments = new Comments(ids, clock);
    this.reactions = new Reactions(ids, clock);
    this.checkRuns = new CheckRuns(ids);
  }

  /** Repository id. */
  public long id() {
    return id;
  }

  /** The owning account. */
  public Actor owner() {
    return owner;
  }

  /** The repository's name. */
  public String name() {
    return name;
  }

  /** {@code owner/name}. */
  public String fullName() {
    return owner.login() + "/" + name;
  }

  /** The default branch (where {@code GET …/contents} reads without {@code ref}). */
  public String defaultBranch() {
    return defaultBranch;
  }

  /** Labels. */
  public Labels labels() {
    return labels;
  }

  /** Issues and pull requests. */
  public Issues issues() {
    return issues;
  }

  /** Issue and pull-request comments. */
  public Comments comments() {
    return comments;
  }

  /** Reactions on comments. */
  public Reactions reactions() {
    return reactions;
  }

  /** Check runs. */
  public CheckRuns checkRuns() {
    return checkRuns;
  }

  /** File contents per ref. */
  public Files files() {
    return files;
  }

  /** Collaborator permissions. */
  public Permissions permissions() {
    return permissions;
  }

  /** The user account with that login (created on first mention). */
  public Actor user(String login) {
    return actors.user(login);
  }

  // Seeding shortcuts: the common cases in one line.

  /** Seeds an issue or pull request; returns it with its number. */
  public Issue add(IssueSeed seed) {
    return issues.add(seed);
  }

  /** Seeds a comment by a user. */
  public Comment comment(int issueNumber, String authorLogin, String body) {
    issues.get(issueNumber);
    return comments.add(issueNumber, actors.user(authorLogin), body);
  }

  /** Seeds a user's reaction on a comment. */
  public Reaction react(long commentId, String login, String content) {
    return reactions.add(commentId, actors.user(login), content).reaction();
  }

  /** Seeds a collaborator with a built-in role (admin, maintain, write, triage, read, none). */
  public FakeRepo role(String login, String role) {
    permissions.set(Permission.ofRole(login, role));
    return this;
  }

  /** Seeds a collaborator with a custom role and its legacy base permission. */
  public FakeRepo customRole(String login, String roleName, String legacyPermission) {
    permissions.set(Permission.custom(login, roleName, legacyPermission));
    return this;
  }

  /** Seeds a text file on the default branch. */
  public FakeRepo file(String path, String content) {
    files.put(defaultBranch, path, content);
    return this;
  }
}
