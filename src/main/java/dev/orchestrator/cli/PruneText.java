package dev.orchestrator.cli;

import dev.orchestrator.store.PruneReport;
import java.io.PrintWriter;

/** The lines {@code agent prune} prints about what it removed and reclaimed. */
final class PruneText {
  private PruneText() {}

  static void print(PrintWriter out, PruneReport r) {
    out.println("  transcripts deleted:     " + r.transcriptsDeleted());
    out.println("  run payloads cleared:    " + r.runPayloadsCleared() + " (run rows kept)");
    out.println("  deliveries deleted:      " + r.deliveriesDeleted() + " (dispatched only)");
    if (r.vacuumAvailable()) {
      out.println(
          "  space reclaimed:         "
              + Plural.of(r.pagesFreed(), "page")
              + "; file "
              + Bytes.of(r.bytesBefore())
              + " -> "
              + Bytes.of(r.bytesAfter()));
    } else {
      out.println(
          "  space reclaimed:         none: the file was created without"
              + " auto_vacuum=INCREMENTAL, so freed pages are reused inside it; to shrink it,"
              + " stop the server and run `sqlite3 <database> VACUUM`");
    }
    out.println("  longest write lock held: " + r.longestLock().toMillis() + " ms");
  }
}
