package dev.orchestrator.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The parts of an HTTP request the intake reads: headers (case-insensitive) and the raw body. */
public record WebhookRequest(Map<String, String> headers, byte[] body) {
  public WebhookRequest {
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    headers = h;
  }

  /** The header's value, or null. */
  public String header(String name) {
    return headers.get(name);
  }

  /** The media type without parameters, lowercased; empty when absent. */
  public String mediaType() {
    String ct = header("Content-Type");
    if (ct == null) {
      return "";
    }
    int semi = ct.indexOf(';');
    return (semi >= 0 ? ct.substring(0, semi) : ct).strip().toLowerCase(Locale.ROOT);
  }
}
