package io.dynagate.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Every log line the application writes while open, formatted as a log file would show it. */
public final class LogCapture extends Handler implements AutoCloseable {

  private final List<String> lines = new ArrayList<>();

  private LogCapture() {
    setLevel(Level.ALL);
  }

  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    Logger.getLogger("").addHandler(capture);
    return capture;
  }

  @Override
  public synchronized void publish(LogRecord record) {
    String message =
        record instanceof ExtLogRecord ext
            ? ext.getFormattedMessage()
            : record.getMessage() + " " + Arrays.toString(record.getParameters());
    lines.add(record.getLoggerName() + ": " + message);
    for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
      lines.add(String.valueOf(t));
    }
  }

  public synchronized String text() {
    return String.join("\n", lines);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}
