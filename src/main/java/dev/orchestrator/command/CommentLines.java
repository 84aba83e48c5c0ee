package dev.orchestrator.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines of a comment that are live text: not inside fenced or indented code blocks, HTML
 * comments or {@code >} quotes. Commands are looked for only there, so quoting someone's command,
 * or showing one in a code block, never runs it.
 */
final class CommentLines {
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

  /** A live line with its 1-based number. */
  record Line(int number, String text) {}

  private CommentLines() {}

  static List<Line> live(String body) {
    List<Line> out = new ArrayList<>();
    String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    String fence = null;
    boolean inHtmlComment = false;
    boolean previousBlank = true;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (fence != null) {
        Matcher close = FENCE.matcher(line);
        if (close.matches()
            && close.group(1).charAt(0) == fence.charAt(0)
            && close.group(1).length() >= fence.length()
            && close.group(2).isBlank()) {
          fence = null;
        }
        continue;
      }
      StringBuilder visible = new StringBuilder();
      int pos = 0;
      while (pos < line.length()) {
        if (inHtmlComment) {
          int end = line.indexOf("-->", pos);
          if (end < 0) {
            pos = line.length();
          } else {
            inHtmlComment = false;
            pos = end + 3;
          }
        } else {
          int start = line.indexOf("<!--", pos);
          if (start < 0) {
            visible.append(line, pos, line.length());
            pos = line.length();
          } else {
            visible.append(line, pos, start);
            inHtmlComment = true;
            pos = start + 4;
          }
        }
      }
      String text = visible.toString();
      Matcher open = FENCE.matcher(text);
      if (open.matches() && !(open.group(1).charAt(0) == '`' && open.group(2).contains("`"))) {
        fence = open.group(1);
        previousBlank = false;
        continue;
      }
      boolean indentedCode = previousBlank && (text.startsWith("    ") || text.startsWith("\t"));
      boolean quote = text.stripLeading().startsWith(">");
      if (!indentedCode && !quote && !text.isBlank()) {
        out.add(new Line(i + 1, text));
      }
      previousBlank = text.isBlank() || (indentedCode && previousBlank);
    }
    return out;
  }
}
