import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One-connection latency of several requests to one HTTP/1.1 endpoint, sent in turn on one
 * keep-alive connection (A, B, C, A, B, C, ...), so that each is measured in the same conditions
 * as the others. On a small machine, separate one-connection runs land in different scheduling
 * states (which CPU each of client, service and dynalite wakes on) and their medians differ by up
 * to half from run to run; taken in turn, the requests share those states and their ratio holds.
 *
 * <p>Usage: {@code java PairedLatency.java HOST PORT SECONDS NAME=FILE...}; each FILE holds one
 * raw request (request line, headers, blank line, body) with {@code Connection: keep-alive}. The
 * first named request is the baseline. Prints per name: requests, p50, p90, p99 in microseconds
 * and the p50 against the baseline's. Exits non-zero when an answer is not 2xx.
 */
public final class PairedLatency {

  public static void main(String[] args) throws IOException {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    long seconds = Long.parseLong(args[2]);
    List<String> names = new ArrayList<>();
    List<byte[]> requests = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      String[] nameAndFile = args[i].split("=", 2);
      names.add(nameAndFile[0]);
      requests.add(Files.readAllBytes(Path.of(nameAndFile[1])));
    }
    try (Socket socket = new Socket(host, port)) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      OutputStream out = socket.getOutputStream();
      // warm-up: a tenth of the time, at least two seconds, not counted
      run(in, out, requests, Math.max(2_000_000_000L, seconds * 100_000_000L), null);
      long[][] samples = new long[requests.size()][];
      run(in, out, requests, seconds * 1_000_000_000L, samples);
      long baseline = percentile(samples[0], 50);
      for (int i = 0; i < names.size(); i++) {
        long p50 = percentile(samples[i], 50);
        System.out.printf(
            "%-12s 1 conn, in turn  %7d requests  p50 %6.3f ms  p90 %6.3f ms  p99 %6.3f ms  %.2fx the %s p50%n",
            names.get(i),
            samples[i].length,
            p50 / 1e6,
            percentile(samples[i], 90) / 1e6,
            percentile(samples[i], 99) / 1e6,
            p50 / (double) baseline,
            names.get(0));
      }
    }
  }

  /** Sends the requests in turn for {@code nanos}; records each latency when {@code samples}. */
  private static void run(
      InputStream in, OutputStream out, List<byte[]> requests, long nanos, long[][] samples)
      throws IOException {
    long[][] kept = new long[requests.size()][1 << 16];
    int[] counts = new int[requests.size()];
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      for (int i = 0; i < requests.size(); i++) {
        long start = System.nanoTime();
        out.write(requests.get(i));
        out.flush();
        int status = readResponse(in);
        long took = System.nanoTime() - start;
        if (status < 200 || status > 299) {
          throw new IllegalStateException("request " + i + " answered " + status);
        }
        if (counts[i] == kept[i].length) {
          kept[i] = Arrays.copyOf(kept[i], kept[i].length * 2);
        }
        kept[i][counts[i]++] = took;
      }
    }
    if (samples != null) {
      for (int i = 0; i < requests.size(); i++) {
        samples[i] = Arrays.copyOf(kept[i], counts[i]);
        Arrays.sort(samples[i]);
      }
    }
  }

  /** Reads one response with a Content-Length body; returns its status. */
  private static int readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed");
      }
      head.write(b);
      boolean expected = b == (matched % 2 == 0 ? '\r' : '\n');
      matched = expected ? matched + 1 : b == '\r' ? 1 : 0;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    int length = -1;
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        String name = line.substring(0, colon).trim();
        if (name.equalsIgnoreCase("content-length")) {
          length = Integer.parseInt(line.substring(colon + 1).trim());
        } else if (name.equalsIgnoreCase("transfer-encoding")) {
          throw new IOException("chunked answers are not read here");
        }
      }
    }
    if (length < 0) {
      throw new IOException("an answer without Content-Length");
    }
    in.readNBytes(length);
    return status;
  }

  private static long percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
