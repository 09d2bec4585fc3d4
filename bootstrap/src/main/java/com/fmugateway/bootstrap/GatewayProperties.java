package com.fmugateway.bootstrap;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway as a whole. {@code apiKeySecret} ({@code FMUGW_API_KEY_SECRET}) keys the
 * HMAC of stored API keys; every instance sharing a database needs the same one.
 */
@ConfigurationProperties("fmugw")
record GatewayProperties(@DefaultValue("./data") Path dataDir, Optional<String> apiKeySecret) {}
