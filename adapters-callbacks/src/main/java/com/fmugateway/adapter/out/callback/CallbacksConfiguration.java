package com.fmugateway.adapter.out.callback;

import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The callback adapter: {@code FMUGW_EXPERIMENTS_CALLBACKS_TIMEOUT} (connect and whole request,
 * default 10s) and {@code FMUGW_EXPERIMENTS_CALLBACKS_ALLOWED_HOSTS} (hosts called whatever they
 * resolve to, comma-separated; empty by default, so only public addresses are called).
 */
@Configuration(proxyBeanMethods = false)
public class CallbacksConfiguration {

  @Bean
  public JdkHttpCallbackSender callbackSender(
      @Value("${fmugw.experiments.callbacks.timeout:10s}") Duration timeout,
      @Value("${fmugw.experiments.callbacks.allowed-hosts:}") Set<String> allowedHosts) {
    return new JdkHttpCallbackSender(timeout, allowedHosts);
  }
}
