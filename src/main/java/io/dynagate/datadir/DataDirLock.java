package io.dynagate.datadir;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jboss.logging.Logger;

/**
 * One service per data directory (embedded mode): an exclusive lock on {@code DATA_DIR/.lock},
 * taken by the start-up wiring before the embedded engines start. A second instance on the same
 * directory would otherwise start a second dynalite on the same LevelDB files and fail later with a
 * misleading cause; it stops at once instead, naming the directory and the pid that holds it,
 * before logging that it started. The operating system releases the lock when the holder exits,
 * however it exits.
 */
@Singleton
public class DataDirLock {

  private static final Logger LOG = Logger.getLogger(DataDirLock.class);

  static final String FILE = ".lock";

  private FileChannel channel;
  private FileLock lock;

  void onStop(@Observes ShutdownEvent event) {
    release();
  }

  /** Locks {@code dataDir} for this process, or stops the process naming who holds it. */
  public synchronized void acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      Files.createDirectories(dataDir);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // Another application in this same JVM (tests) holds it: fail that start, keep the JVM.
      throw new IllegalStateException("the data directory " + dataDir + " is in use in this JVM");
    } catch (IOException e) {
      throw stop("cannot lock the data directory " + dataDir + ": " + e.getMessage());
    }
    if (lock == null) {
      String holder = holder(file);
      release();
      throw stop(
          "the data directory "
              + dataDir
              + " is in use by another Dynagate (pid "
              + holder
              + "); stop it, or start this one with another dynagate.data-dir");
    }
    writePid();
  }

  synchronized void release() {
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // Closing the channel releases the lock; the process exit does in any case.
    } finally {
      lock = null;
      channel = null;
    }
  }

  private void writePid() {
    try {
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)),
          0);
      channel.force(false);
    } catch (IOException e) {
      throw stop("cannot write the data directory's lock file: " + e.getMessage());
    }
  }

  private static String holder(Path file) {
    try {
      String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
      return pid.isEmpty() ? "unknown" : pid;
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Stops the process with one line and exit code 1. Halted, not exited: nothing of this instance
   * has started yet (the lock is the first step), and Quarkus, asked to stop in the middle of its
   * start, would either log that it started before stopping or wait forever.
   */
  private static IllegalStateException stop(String message) {
    LOG.error(message);
    System.err.flush();
    Runtime.getRuntime().halt(1);
    return new IllegalStateException(message);
  }
}
