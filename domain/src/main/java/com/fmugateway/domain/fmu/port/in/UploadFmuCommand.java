package com.fmugateway.domain.fmu.port.in;

import com.fmugateway.domain.account.model.AccountId;
import java.nio.ByteBuffer;
import java.util.Objects;
import reactor.core.publisher.Flux;

/** Command: store an FMU archive, streamed, for its owner. */
public record UploadFmuCommand(AccountId owner, Flux<ByteBuffer> content) {

  public UploadFmuCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(content, "content");
  }
}
