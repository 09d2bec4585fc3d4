package com.fmugateway.adapter.out.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "224.0.0.1"
      })
  void aPrivateOrLocalAddress_isNotPublic(String address) throws Exception {
    assertThat(CallbackAddresses.publicAddress(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"})
  void aPublicAddress_isPublic(String address) throws Exception {
    assertThat(CallbackAddresses.publicAddress(InetAddress.getByName(address))).isTrue();
  }

  @Test
  void givenNoAllowList_aLoopbackCallback_isRefusedBeforeAnyRequest() {
    JdkHttpCallbackSender sender = new JdkHttpCallbackSender(Duration.ofSeconds(1), Set.of());

    assertThatThrownBy(
            () -> sender.post(URI.create("http://127.0.0.1:9/hook"), "{}", Map.of()).block())
        .isInstanceOf(JdkHttpCallbackSender.RefusedCallbackException.class);
    assertThatThrownBy(
            () -> sender.post(URI.create("http://localhost:9/hook"), "{}", Map.of()).block())
        .isInstanceOf(JdkHttpCallbackSender.RefusedCallbackException.class);
  }
}
