package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.testing.Await;
import dev.orchestrator.webhook.DeliveryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
  @Test
  void aFailingWriteIsRolledBackAloneAndTheOthersCommit(@TempDir Path dir) throws Exception {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"));
        GroupCommit commits = new GroupCommit(db, "test-commit")) {
      db.write(c -> c.createStatement().executeUpdate("CREATE TABLE t(v TEXT)"));
      CompletableFuture<Void> bad =
          CompletableFuture.runAsync(
              () -> {
                DeliveryStore.Arrival a = commits.arriving();
                try {
                  commits.submit(
                      s -> {
                        s.prepare("INSERT INTO t(v) VALUES ('bad')").executeUpdate();
                        throw new SQLException("refused on purpose");
                      });
                } finally {
                  a.close();
                }
              });
      CompletableFuture<Integer> good =
          CompletableFuture.supplyAsync(
              () ->
                  commits.submit(
                      s -> s.prepare("INSERT INTO t(v) VALUES ('good')").executeUpdate()));
      assertThat(good.get()).isOne();
      assertThatThrownBy(bad::join).hasRootCauseMessage("refused on purpose");
      assertThat(values(db)).isEqualTo("good");
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(60) // without the fix the committer dies and submit never returns
  void anErrorInABatchFailsItsRequestsAndLeavesTheWriterUsable(@TempDir Path dir) {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"));
        GroupCommit commits = new GroupCommit(db, "test-commit")) {
      db.write(c -> c.createStatement().executeUpdate("CREATE TABLE t(v TEXT)"));
      // e.g. binding a 20 MB payload on a small heap
      assertThatThrownBy(
              () ->
                  commits.submit(
                      s -> {
                        s.prepare("INSERT INTO t(v) VALUES ('lost')").executeUpdate();
                        throw new OutOfMemoryError("simulated");
                      }))
          .hasMessageContaining("simulated");
      int inserted =
          commits.submit(s -> s.prepare("INSERT INTO t(v) VALUES ('x')").executeUpdate());
      assertThat(inserted).isOne();
      assertThat(values(db)).isEqualTo("x");
      int more = db.write(c -> c.createStatement().executeUpdate("INSERT INTO t(v) VALUES ('y')"));
      assertThat(more).isOne();
    }
  }

  @Test
  void aWithdrawnAnnouncementDoesNotHoldTheCommit(@TempDir Path dir) {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"));
        GroupCommit commits = new GroupCommit(db, "test-commit")) {
      db.write(c -> c.createStatement().executeUpdate("CREATE TABLE t(v TEXT)"));
      DeliveryStore.Arrival rejected = commits.arriving(); // e.g. a request refused with 401
      rejected.close();
      int inserted =
          commits.submit(s -> s.prepare("INSERT INTO t(v) VALUES ('x')").executeUpdate());
      assertThat(inserted).isOne();
      assertThat(values(db)).isEqualTo("x");
    }
  }

  @Test
  void theBackgroundCheckpointerCopiesTheWalIntoTheDatabase(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a.db");
    try (Database db = Database.open("jdbc:sqlite:" + file)) {
      db.checkpointInBackground();
      assertThat(db.pragmas()).containsEntry("wal_autocheckpoint", "0");
      db.write(c -> c.createStatement().executeUpdate("CREATE TABLE t(v TEXT)"));
      long before = Files.size(file);
      String row = "x".repeat(8_000);
      for (int i = 0; i < 200; i++) {
        db.write(
            c -> {
              try (PreparedStatement p = c.prepareStatement("INSERT INTO t(v) VALUES (?)")) {
                p.setString(1, row);
                return p.executeUpdate();
              }
            });
      }
      // Nothing else checkpoints: the writer's automatic checkpoint is off.
      Await.until("the rows to reach the database file", () -> size(file) > before + 1_000_000);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String values(Database db) {
    return db.read(
        c -> {
          try (ResultSet rs =
              c.createStatement().executeQuery("SELECT group_concat(v, ',') FROM t")) {
            return rs.next() ? rs.getString(1) : null;
          }
        });
  }
}
