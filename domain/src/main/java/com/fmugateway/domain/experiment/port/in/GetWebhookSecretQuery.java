package com.fmugateway.domain.experiment.port.in;

import com.fmugateway.domain.account.model.AccountId;

/** Query: the secret the caller's callbacks are signed with, to check their signature. */
public interface GetWebhookSecretQuery {

  String webhookSecret(AccountId caller);
}
