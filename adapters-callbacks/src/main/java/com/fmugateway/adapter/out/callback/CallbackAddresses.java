package com.fmugateway.adapter.out.callback;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses a callback may reach: public ones only, so a customer's URL cannot make the
 * gateway call into its own network (loopback, private, link-local, carrier-grade NAT, unique
 * local, multicast, unspecified). Hosts on the allow-list ({@code
 * FMUGW_EXPERIMENTS_CALLBACKS_ALLOWED_HOSTS}, for tests and trusted internal receivers) pass
 * whatever they resolve to.
 */
final class CallbackAddresses {

  private final Set<String> allowedHosts;

  CallbackAddresses(Set<String> allowedHosts) {
    this.allowedHosts =
        allowedHosts.stream()
            .map(h -> h.strip().toLowerCase(Locale.ROOT))
            .filter(h -> !h.isEmpty())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  boolean allowedHost(String host) {
    return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
  }

  static boolean publicAddress(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      // 0/8, 100.64/10 (carrier-grade NAT), 192.0.0/24, 198.18/15 (benchmarking), 240/4.
      return first != 0
          && !(first == 100 && second >= 64 && second < 128)
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)
          && !(first == 198 && (second == 18 || second == 19))
          && first < 240;
    }
    if (address instanceof Inet6Address) {
      // fc00::/7 unique local; an IPv4-mapped address is judged as the IPv4 address.
      if ((b[0] & 0xfe) == 0xfc) {
        return false;
      }
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return publicAddress(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (java.net.UnknownHostException impossible) {
          return false;
        }
      }
    }
    return true;
  }
}
