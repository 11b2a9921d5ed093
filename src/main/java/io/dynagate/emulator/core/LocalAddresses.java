package io.dynagate.emulator.core;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether an address is this machine's loopback interface, by literal or name. */
final class LocalAddresses {

  private LocalAddresses() {}

  /** True for {@code 127.0.0.0/8}, {@code ::1} and names that resolve there only. */
  static boolean isLoopback(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
