package com.fmugateway.adapter.out.fmi.sandbox.wire;

import java.io.IOException;

/** Bytes from the other side of the socket that do not form a valid message. */
public final class ProtocolException extends IOException {

  ProtocolException(String message) {
    super(message);
  }
}
