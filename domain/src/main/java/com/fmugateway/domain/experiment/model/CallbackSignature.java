package com.fmugateway.domain.experiment.model;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs callbacks the way payment providers sign their webhooks: {@code FMUGW-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA-256 of "t.body">} under the account's webhook secret. The secret is
 * derived from the server secret and the account id (nothing to store or rotate apart from the
 * server secret), and shown to its account on {@code GET /account}.
 */
public final class CallbackSignature {

  public static final String HEADER = "FMUGW-Signature";
  private static final String ALGORITHM = "HmacSHA256";

  private final ApiKeyHasher serverSecret;

  public CallbackSignature(ApiKeyHasher serverSecret) {
    this.serverSecret = Objects.requireNonNull(serverSecret, "serverSecret");
  }

  /** The account's webhook secret: {@code whsec_} and 64 hex digits. */
  public String secretFor(AccountId account) {
    return "whsec_"
        + HexFormat.of().formatHex(serverSecret.mac("fmugw:webhook-secret:v1:" + account.value()));
  }

  /** The header value for {@code body} sent at {@code unixSeconds}. */
  public String sign(AccountId account, long unixSeconds, String body) {
    return header(secretFor(account), unixSeconds, body);
  }

  /** The header value a receiver holding {@code secret} expects; receivers compute the same. */
  public static String header(String secret, long unixSeconds, String body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      byte[] digest = mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
