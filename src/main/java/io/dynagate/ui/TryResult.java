package io.dynagate.ui;

/** What the live route answered, as a "try it" panel shows it. */
public record TryResult(int status, String url, String contentType, String body, long millis) {}
