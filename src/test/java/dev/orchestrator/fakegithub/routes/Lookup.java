package dev.orchestrator.fakegithub.routes;

import dev.orchestrator.fakegithub.http.Call;
import dev.orchestrator.fakegithub.http.Errors;
import dev.orchestrator.fakegithub.http.ReplyException;
import dev.orchestrator.fakegithub.state.Actor;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Issue;
import dev.orchestrator.fakegithub.state.World;

/** Finds what a call names, or stops it with GitHub's 404. */
final class Lookup {
  private Lookup() {}

  static FakeRepo repo(World world, Call call) {
    return world
        .findRepo(call.owner(), call.repo())
        .orElseThrow(() -> new ReplyException(Errors.notFound(call.docs())));
  }

  static Issue issue(FakeRepo repo, Call call, String param) {
    return repo.issues()
        .find((int) call.id(param))
        .orElseThrow(() -> new ReplyException(Errors.notFound(call.docs())));
  }

  static Comment comment(FakeRepo repo, Call call) {
    return repo.comments()
        .find(call.id("comment_id"))
        .orElseThrow(() -> new ReplyException(Errors.notFound(call.docs())));
  }

  /** The account writes are attributed to; a caller that cannot write gets 403. */
  static Actor author(World world, Call call) {
    return call.caller()
        .author(world)
        .orElseThrow(() -> new ReplyException(Errors.notAccessibleByIntegration(call.docs())));
  }
}
